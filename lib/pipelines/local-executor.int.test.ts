import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { query } from "../db/sql.ts";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { runLocally } from "./local-executor.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { getRunDetail, TERMINAL_STATUSES, type RunDetail } from "./run-queries.ts";
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

/** Waits until the load step has really started writing rows: step 2 of 4 spans run progress 0.25..0.5. */
const loading = (runId: string) =>
  waitFor(`run ${runId} to be loading`, async () => {
    const run = await getRunDetail(runId);
    return run?.steps[1]?.status === "running" && run.progress > 0.3 ? run : null;
  });

async function rawCounts() {
  const [r] = await query<{ u: string; e: string }>(
    "SELECT (SELECT count(*) FROM raw.elearning_users) AS u, (SELECT count(*) FROM raw.elearning_events) AS e");
  return { users: Number(r.u), events: Number(r.e) };
}

const overlap = (a: RunDetail, b: RunDetail) => a.startedAt! < b.finishedAt! && b.startedAt! < a.finishedAt!;

describe("local executor (worker processes)", () => {
  const big = { users: 2500, days: 150, seed: 11 }; // ~750k events: a load that lasts long enough to interrupt
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

  it("cancels a running load: the run ends cancelled and the raw tables are unchanged", async () => {
    const before = await rawCounts();
    const { runId } = await startRun("elearning-sample", big, "manual");
    await loading(runId);
    await cancelRun(runId);
    const run = await finished(runId);
    expect(run.status).toBe("cancelled");
    expect(run.steps[1].status).toBe("cancelled");
    expect(await rawCounts()).toEqual(before);
  });

  it("after a kill -9 mid-load: the run is marked crashed, nothing half-loaded stays, and a rerun equals a clean run", async () => {
    const before = await rawCounts();
    const { runId } = await startRun("elearning-sample", big, "manual");
    const loadingRun = await loading(runId);
    const pid = loadingRun.workerPid!;
    expect(isProcessAlive(pid)).toBe(true);
    process.kill(pid, "SIGKILL");
    await waitFor("the worker to die", async () => !isProcessAlive(pid));
    expect(await rawCounts()).toEqual(before);

    expect(await recoverStaleRuns()).toContain(runId);
    const crashed = await getRunDetail(runId);
    expect(crashed).toMatchObject({ status: "failed", failureKind: "crashed" });
    expect(crashed?.errorMessage).toMatch(/killed or crashed/);

    const again = await startRun("elearning-sample", big, "cli", "inline");
    expect((await runLocally(again.runId)).status).toBe("succeeded");
    expect(await rawCounts()).toEqual({ users: bigStats.users, events: bigStats.events });
    const [{ n }] = await query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '\\_load\\_%'");
    expect(Number(n)).toBe(0);
  });
});
