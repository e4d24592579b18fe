import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { query } from "../db/sql.ts";
import { confirmDatasetVersion } from "../sources/tabular/datasets.ts";
import { getDatasetVersion } from "../sources/tabular/dataset-queries.ts";
import { churnCsv, churnRow } from "../sources/tabular/testing.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { enqueueEvents } from "../events/outbox.ts";
import { dispatchPendingEvents } from "../pipelines/dispatch-events.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { scanForChanges, type DataChangedEvent } from "./scan-for-changes.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-watch-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scan() {
  const events: DataChangedEvent[] = [];
  const result = await scanForChanges({ watchDir: dir, emit: (e) => void events.push(e) });
  return { result, events };
}

async function versionsOf(datasetId: string) {
  const { prisma } = await getDb();
  return prisma.datasetVersion.findMany({ where: { datasetId }, orderBy: { version: "asc" }, select: { version: true, status: true, origin: true } });
}

describe("scanForChanges", () => {
  const file = () => path.join(dir, "exports", "telco_watch.csv");

  it("records a new file as version 1 of the dataset named after it, then sees no change on a second scan", async () => {
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), churnCsv(30));
    fs.writeFileSync(path.join(dir, ".~lock.telco_watch.csv#"), "ignored");
    fs.writeFileSync(path.join(dir, "notes.txt"), "ignored");

    const first = await scan();
    expect(first.result).toMatchObject({ filesChecked: 1, errors: [], missing: [] });
    expect(first.events).toHaveLength(1);
    const [change] = first.result.changes;
    expect(change).toMatchObject({ path: file(), kind: "watch_dir", change: "new", version: 1, status: "draft", autoConfirmed: false, emitted: true });
    expect(change.note).toMatch(/no earlier confirmed version/);
    expect(first.events[0]).toEqual({ name: "churnops/data.changed", data: { path: file(), sha256: change.sha256, datasetId: change.datasetId, versionId: change.versionId } });
    const version = await getDatasetVersion(change.versionId!);
    expect(version).toMatchObject({ datasetName: "exports/telco_watch", slug: "exports_telco_watch", origin: "watchdog", sha256: change.sha256 });
    // (other test files' datasets share this database: look at this dataset's rows only)
    const watched = await query<{ path: string; kind: string; sha256: string }>(
      "SELECT path, kind, sha256 FROM ops.watched_files WHERE path = ANY($1) ORDER BY kind, path", [[file(), version!.artifactKey]]);
    expect(watched).toEqual([
      { path: version!.artifactKey, kind: "dataset", sha256: change.sha256 },
      { path: file(), kind: "watch_dir", sha256: change.sha256 },
    ]);

    const second = await scan();
    expect(second.events).toEqual([]);
    expect(second.result).toMatchObject({ changes: [], filesChecked: 1, errors: [] });
    expect(second.result.unchanged).toBe(1 + second.result.datasetsChecked);
    expect(await versionsOf(change.datasetId!)).toEqual([{ version: 1, status: "draft", origin: "watchdog" }]);
  });

  it("turns a modified file into exactly one event and version N+1, auto-confirmed from the previous confirmed version, and loads it", async () => {
    const before = (await scan()).result;
    expect(before.changes).toEqual([]);
    const { prisma } = await getDb();
    const dataset = await prisma.dataset.findFirstOrThrow({ where: { name: "exports/telco_watch" }, include: { versions: true } });
    await confirmDatasetVersion(dataset.versions[0].id, { idColumn: "customerID", targetColumn: "Churn", columns: [{ name: "Gender", role: "ignore" }, { name: "tenure", type: "categorical" }] });

    fs.appendFileSync(file(), churnRow(31).join(",") + "\n");
    const events: DataChangedEvent[] = [];
    const { changes } = await scanForChanges({ watchDir: dir, emit: async (e, client) => { events.push(e); await enqueueEvents([e], { client }); } });
    // The local dispatcher delivers the outbox: the trigger table starts tabular-load for the confirmed version.
    const loads = (await dispatchPendingEvents({ runInline: (runId) => runLocally(runId) })).flatMap((d) => d.runs.map((r) => ({ versionId: d.data.versionId, runId: r.runId, status: r.status })));
    expect(events).toHaveLength(1);
    expect(changes).toEqual([expect.objectContaining({ path: file(), change: "changed", version: 2, status: "confirmed", autoConfirmed: true })]);
    expect(events[0].data.versionId).toBe(changes[0].versionId);

    const v2 = (await getDatasetVersion(changes[0].versionId!))!;
    expect(v2.columns.find((c) => c.name === "Gender")?.role).toBe("ignore");
    expect(v2.columns.find((c) => c.name === "tenure")?.type).toBe("categorical");
    // In local mode the event starts tabular-load for the confirmed version.
    expect(loads).toEqual([{ versionId: v2.id, runId: expect.any(String), status: "succeeded" }]);
    expect((await getDatasetVersion(v2.id))?.status).toBe("loaded");
    expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM staging."tabular_exports_telco_watch_v2"`))[0].n)).toBe(31);

    const after = await scan();
    expect(after.events).toEqual([]);
    expect(await versionsOf(dataset.id)).toEqual([
      { version: 1, status: "confirmed", origin: "watchdog" },
      { version: 2, status: "loaded", origin: "watchdog" },
    ]);
  });

  it("leaves a version with different columns as a draft, and records an unreadable file once", async () => {
    fs.writeFileSync(file(), churnCsv(20, { header: ["customerID", "Gender", "SeniorCitizen", "Partner", "tenure", "Contract", "MonthlyCharges", "SignupDate", "Town", "Churn"] }));
    const bad = path.join(dir, "broken.csv");
    fs.writeFileSync(bad, "a,b\n1\n");
    const { result, events } = await scan();
    expect(events).toHaveLength(2);
    const byPath = Object.fromEntries(result.changes.map((c) => [c.path, c]));
    expect(byPath[file()]).toMatchObject({ version: 3, status: "draft", autoConfirmed: false, note: expect.stringMatching(/columns differ from version 2/) });
    expect(byPath[bad]).toMatchObject({ change: "new", error: "broken.csv line 2: has 1 field(s), expected 2 (one per header column).", emitted: true });
    expect(byPath[bad].versionId).toBeUndefined();
    const again = await scan();
    expect(again.events).toEqual([]);
  });

  it("emits when the stored file of a dataset's latest version changes in the artifact store", async () => {
    const { prisma } = await getDb();
    const dataset = await prisma.dataset.findFirstOrThrow({ where: { name: "exports/telco_watch" }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    const latest = dataset.versions[0];
    await getArtifactStore().delete(latest.artifactKey); // keys are write-once: a change is a replacement behind our back
    await getArtifactStore().put(latest.artifactKey, churnCsv(3));
    const { result, events } = await scan();
    expect(events).toEqual([{ name: "churnops/data.changed", data: { path: latest.artifactKey, sha256: expect.any(String), datasetId: dataset.id, versionId: latest.id } }]);
    expect(result.changes).toEqual([expect.objectContaining({ kind: "dataset", change: "changed" })]);
    expect((await scan()).events).toEqual([]);
  });

  it("reports files that disappeared without emitting", async () => {
    fs.rmSync(path.join(dir, "broken.csv"));
    const { result, events } = await scan();
    expect(events).toEqual([]);
    expect(result.missing).toEqual([path.join(dir, "broken.csv")]);
  });
});
