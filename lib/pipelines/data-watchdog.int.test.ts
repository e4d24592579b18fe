import fs from "node:fs";
import { resetEnvCache } from "../env.ts";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { churnCsv, churnRow } from "../sources/tabular/testing.ts";
import { confirmDatasetVersion } from "../sources/tabular/datasets.ts";
import { getDatasetVersion } from "../sources/tabular/dataset-queries.ts";
import { watchCommand } from "../watchdog/watch-cli.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";
import { dataWatchdog } from "./data-watchdog.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-watchdog-pipeline-"));
  process.env.CHURNOPS_WATCH_DIR = dir;
  resetEnvCache();
});
afterAll(() => {
  delete process.env.CHURNOPS_WATCH_DIR;
  resetEnvCache();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runWatchdog() {
  const { runId } = await startRun("data-watchdog", {}, "schedule", "inline");
  expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
  return (await getRunDetail(runId))!.steps[0].output as { changed: number; events: number; changes: { path: string; versionId: string; version: number; status: string }[]; filesChecked: number; watchDir: string };
}

describe("data-watchdog pipeline", () => {
  it("is scheduled daily at 01:30 UTC with one step", () => {
    expect(dataWatchdog.schedule).toBe("30 1 * * *");
    expect(dataWatchdog.steps.map((s) => s.id)).toEqual(["scan"]);
  });

  it("records a new CSV in CHURNOPS_WATCH_DIR as a draft version, then reports nothing on the next run", async () => {
    fs.writeFileSync(path.join(dir, "churn_feed.csv"), churnCsv(15));
    const first = await runWatchdog();
    expect(first).toMatchObject({ watchDir: dir, filesChecked: 1, changed: 1, events: 1, changes: [{ path: path.join(dir, "churn_feed.csv"), version: 1, status: "draft" }] });
    const second = await runWatchdog();
    expect(second).toMatchObject({ changed: 0, events: 0, changes: [] });
  });
});

describe("watchCommand --once", () => {
  it("prints what changed and loads an auto-confirmed version inline", async () => {
    const { changes } = await runWatchdog();
    expect(changes).toEqual([]);
    const { prisma } = await getDb();
    const v1 = await prisma.datasetVersion.findFirstOrThrow({ where: { dataset: { name: "churn_feed" }, version: 1 } });
    await confirmDatasetVersion(v1.id, { idColumn: "customerID", targetColumn: "Churn" });
    fs.appendFileSync(path.join(dir, "churn_feed.csv"), churnRow(16).join(",") + "\n");

    const lines: string[] = [];
    expect(await watchCommand({ once: true }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^changed  ${dir.replaceAll("/", "\\/")}/churn_feed\\.csv  sha256 [0-9a-f]{12}  -> dataset version 2 \\(confirmed, auto-confirmed\\); load run [0-9a-f-]{36} succeeded$`));
    expect(lines.at(-1)).toMatch(/^1 change\(s\): 1 file\(s\) in .*, \d+ stored dataset\(s\) checked$/);

    const quiet: string[] = [];
    expect(await watchCommand({ once: true }, (l) => quiet.push(l))).toBe(0);
    expect(quiet).toEqual([expect.stringMatching(/^no changes: 1 file\(s\) in /)]);
    const v2 = await prisma.datasetVersion.findFirstOrThrow({ where: { dataset: { name: "churn_feed" }, version: 2 } });
    expect((await getDatasetVersion(v2.id))).toMatchObject({ status: "loaded", rows: 16 });
  });
});
