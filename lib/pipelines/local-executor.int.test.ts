import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { schemaChecksums, tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { loadedRows } from "../../tests/helpers/loaded-rows.ts";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { query } from "../db/sql.ts";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { runLocally } from "./local-executor.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { getRunDetail, TERMINAL_STATUSES, type RunDetail } from "./run-queries.ts";
import { claimRun } from "./run-store.ts";
import { cancelRun, startRun } from "./start-run.ts";

// These tests start real worker processes (node --import tsx lib/pipelines/worker-main.ts), as the dashboard does.

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const finished = (runId: string) =>
  waitFor(`run ${runId} to finish`, async () => {
    const run = await getRunDetail(runId);
    return run && TERMINAL_STATUSES.includes(run.status) ? run : null;
  });

/** Waits until the load step has really started writing rows: step 2 of 5 spans run progress 0.2..0.4. */
const loading = (runId: string) =>
  waitFor(`run ${runId} to be loading`, async () => {
    const run = await getRunDetail(runId);
    return run?.steps[1]?.status === "running" && run.progress > 0.3 ? run : null;
  });

/** Rows of the newest load that landed: its snapshots (raw.* and staging.* are emptied after each load). */
async function rawCounts() {
  const count = async (table: string) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${await loadedRows(table)}`))[0]!.n);
  return { users: await count("staging.elearning_users"), events: await count("staging.elearning_events") };
}

const ELEARNING_TABLES = ["raw.elearning_users", "raw.elearning_events", "staging.elearning_users", "staging.elearning_events"];

/** Content of the e-learning tables and the newest load's snapshots; without file ids when comparing two loads of the same files. */
async function elearningChecksums(options: { exclude?: string[] } = {}) {
  const sums: Record<string, string> = {};
  for (const t of ELEARNING_TABLES) sums[t] = await tableChecksum(t, options);
  for (const t of ELEARNING_TABLES.filter((t) => t.startsWith("staging."))) sums[`snapshot of ${t}`] = await tableChecksum(await loadedRows(t), options);
  return sums;
}

/** Rejects after `ms` instead of letting a wait that never ends run into the test timeout. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The pid of a process that has exited (a worker killed before it could finish its run). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  const pid = Number(child.stdout.trim());
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

const overlap = (a: RunDetail, b: RunDetail) => a.startedAt! < b.finishedAt! && b.startedAt! < a.finishedAt!;

describe("local executor (worker processes)", () => {
  // ~75k events: a load long enough (most of a second alone) to interrupt, small enough that a clean run, the killed
  // run and the rerun fit the test timeout on a busy 2-core machine.
  const big = { users: 250, days: 150, seed: 11 };
  const bigStats = generateElearning(elearningSampleParams.parse(big)).stats;

  it("never runs two runs with the same concurrency key at once", async () => {
    const a = await startRun("elearning-sample", { users: 200, days: 40, seed: 1 }, "manual");
    const b = await startRun("elearning-sample", { users: 220, days: 40, seed: 2 }, "manual");
    const [ra, rb] = [await finished(a.runId), await finished(b.runId)];
    expect([ra.status, rb.status]).toEqual(["succeeded", "succeeded"]);
    expect(overlap(ra, rb)).toBe(false);
    const last = ra.finishedAt! > rb.finishedAt! ? 200 : 220;
    expect((await rawCounts()).users).toBe(last);
  });

  it("takes the concurrency key over from a run whose process died instead of waiting for it forever", async () => {
    // A run of the key left "running" by a process that is gone (kill -9, a torn-down test worker).
    const orphan = await startRun("elearning-sample", { users: 10, days: 31, seed: 3 }, "cli", "inline");
    expect(await claimRun(orphan.runId, deadPid())).toBe("claimed");
    const next = await startRun("elearning-sample", { users: 12, days: 31, seed: 4 }, "cli", "inline");
    expect(await within(60_000, "the waiting run", runLocally(next.runId))).toMatchObject({ status: "succeeded" });
    expect(await getRunDetail(orphan.runId)).toMatchObject({ status: "failed", failureKind: "crashed" });
    expect((await rawCounts()).users).toBe(12);
  });

  it("cancels a running load: the run ends cancelled and the raw tables are unchanged", async () => {
    const before = await elearningChecksums();
    const { runId } = await startRun("elearning-sample", big, "manual");
    await loading(runId);
    await cancelRun(runId);
    const run = await finished(runId);
    expect(run.status).toBe("cancelled");
    expect(run.steps[1].status).toBe("cancelled");
    expect(await elearningChecksums()).toEqual(before);
  });

  it("after a kill -9 mid-load: the run is marked crashed, nothing half-loaded stays, and a rerun equals a clean run", async () => {
    const clean = await startRun("elearning-sample", big, "cli", "inline");
    expect((await runLocally(clean.runId)).status).toBe("succeeded");
    const cleanRun = await elearningChecksums({ exclude: ["file_id"] });
    const before = await elearningChecksums();
    const { runId } = await startRun("elearning-sample", big, "manual");
    const loadingRun = await loading(runId);
    const pid = loadingRun.workerPid!;
    expect(isProcessAlive(pid)).toBe(true);
    process.kill(pid, "SIGKILL");
    await waitFor("the worker to die", async () => !isProcessAlive(pid));
    expect(await elearningChecksums()).toEqual(before);

    expect(await recoverStaleRuns()).toContain(runId);
    const crashed = await getRunDetail(runId);
    expect(crashed).toMatchObject({ status: "failed", failureKind: "crashed" });
    expect(crashed?.errorMessage).toMatch(/killed or crashed/);

    const again = await startRun("elearning-sample", big, "cli", "inline");
    expect((await runLocally(again.runId)).status).toBe("succeeded");
    expect(await rawCounts()).toEqual({ users: bigStats.users, events: bigStats.events });
    // Equal content, row for row, to the clean run (file ids differ: they are per load).
    expect(await elearningChecksums({ exclude: ["file_id"] })).toEqual(cleanRun);
    expect(await schemaChecksums("staging", { like: "\\_load\\_%" })).toEqual({});
  });
});
