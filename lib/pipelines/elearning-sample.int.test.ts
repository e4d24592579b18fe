import { describe, expect, it } from "vitest";
import { tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { loadedRows } from "../../tests/helpers/loaded-rows.ts";
import { query } from "../db/sql.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail, listRuns } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

const small = { users: 150, days: 45, seed: 7 };

/** Rows a load left: in its run's snapshots (the generator's rows are all valid, so these are the loaded rows). */
async function rawCounts(runId?: string) {
  const count = async (table: string) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${await loadedRows(table, runId)}`))[0]!.n);
  return { users: await count("staging.elearning_users"), events: await count("staging.elearning_events") };
}

/** The newest load's snapshots, and raw.* / staging.* (emptied after it), without file ids (a rerun loads the same rows under new ones). */
async function elearningChecksums() {
  const sums: Record<string, string> = {};
  for (const t of ["staging.elearning_users", "staging.elearning_events"]) sums[`snapshot of ${t}`] = await tableChecksum(await loadedRows(t), { exclude: ["file_id"] });
  for (const t of ["raw.elearning_users", "raw.elearning_events", "staging.elearning_users", "staging.elearning_events"]) sums[t] = await tableChecksum(t, { exclude: ["file_id"] });
  return sums;
}

async function runSample(params: typeof small) {
  const { runId } = await startRun("elearning-sample", params, "cli", "inline");
  expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
  return runId;
}

// Every test sets up what it needs: each passes alone (-t) and in any order (--sequence.shuffle).
describe("elearning-sample pipeline (local executor)", () => {
  // Expected counts come from the generator itself, which is checked against the contract in its own tests.
  const expected = generateElearning(elearningSampleParams.parse(small)).stats;

  it("generates, stores and loads exactly the generated rows, recording steps and files", async () => {
    const { runId, executor } = await startRun("elearning-sample", small, "cli", "inline");
    expect(executor).toBe("local");
    const outcome = await runLocally(runId);
    expect(outcome).toMatchObject({ status: "succeeded" });
    expect(await rawCounts(runId)).toEqual({ users: expected.users, events: expected.events });
    // raw.* and staging.* carried the rows from step to step; the snapshots keep them (decision 017).
    expect((await elearningChecksums())["raw.elearning_events"]).toMatch(/^0 rows/);

    const run = await getRunDetail(runId);
    expect(run?.status).toBe("succeeded");
    expect(run?.progress).toBe(1);
    expect(run?.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["generate-csvs", "succeeded"], ["load-raw-tables", "succeeded"], ["validate-raw", "succeeded"], ["build-staging", "succeeded"],
      ["release-working-tables", "succeeded"],
    ]);
    // The generator writes valid data: both suites pass, nothing is rejected, staging equals raw.
    expect(run?.steps[2].output).toMatchObject({ suites: [{ suite: "elearning.users", rejectedRows: 0 }, { suite: "elearning.events", rejectedRows: 0 }] });
    expect(run?.steps[3].output).toEqual({ users: expected.users, events: expected.events });
    expect(run?.steps[1].output).toMatchObject({ rows: { "raw.elearning_events": expected.events } });
    const files = await query<{ name: string; rows: number; sha256: string }>(
      "SELECT name, rows, sha256 FROM ops.ingested_files WHERE run_id = $1 ORDER BY name", [runId]);
    expect(files.map((f) => [f.name, f.rows])).toEqual([["events.csv", expected.events], ["users.csv", expected.users]]);
    expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
  });

  it("replaces rather than duplicates on a rerun with the same inputs: the rerun equals the first run", async () => {
    await runSample(small);
    const first = await elearningChecksums();
    const rerun = await runSample(small);
    expect(await rawCounts(rerun)).toEqual({ users: expected.users, events: expected.events });
    const lines = await query<{ dupes: string }>(
      `SELECT count(*) - count(DISTINCT event_id) AS dupes FROM ${await loadedRows("staging.elearning_events", rerun)}`);
    expect(Number(lines[0].dupes)).toBe(0);
    // Same content, not only the same counts: every row the rerun left is as after the first run.
    expect(await elearningChecksums()).toEqual(first);
    const files = await query<{ n: string }>("SELECT count(*) AS n FROM ops.ingested_files WHERE run_id = $1", [rerun]);
    expect(Number(files[0].n)).toBe(2);
  });

  it("rejects invalid params with a message naming the field", async () => {
    await expect(startRun("elearning-sample", { users: "lots" }, "cli", "inline")).rejects.toThrow(/users/);
    await expect(startRun("no-such-pipeline", {}, "cli", "inline")).rejects.toThrow(/no pipeline "no-such-pipeline"/);
  });

  it("lists runs newest first with filters", async () => {
    const older = await runSample({ users: 10, days: 31, seed: 1 });
    const newer = await runSample({ users: 10, days: 31, seed: 2 });
    const { runs, total } = await listRuns({ pipelineId: "elearning-sample", status: "succeeded" });
    expect(total).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.status === "succeeded" && r.pipelineId === "elearning-sample")).toBe(true);
    for (let i = 1; i < runs.length; i++) expect(runs[i - 1].createdAt >= runs[i].createdAt).toBe(true);
    const ids = runs.map((r) => r.id);
    expect(ids.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
  });
});
