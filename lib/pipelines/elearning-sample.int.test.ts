import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail, listRuns } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

const small = { users: 150, days: 45, seed: 7 };

async function rawCounts() {
  const [u] = await query<{ n: string }>("SELECT count(*) AS n FROM raw.elearning_users");
  const [e] = await query<{ n: string }>("SELECT count(*) AS n FROM raw.elearning_events");
  return { users: Number(u.n), events: Number(e.n) };
}

describe("elearning-sample pipeline (local executor)", () => {
  // Expected counts come from the generator itself, which is checked against the contract in its own tests.
  const expected = generateElearning(elearningSampleParams.parse(small)).stats;

  it("generates, stores and loads exactly the generated rows, recording steps and files", async () => {
    const { runId, executor } = await startRun("elearning-sample", small, "cli", "inline");
    expect(executor).toBe("local");
    const outcome = await runLocally(runId);
    expect(outcome).toMatchObject({ status: "succeeded" });
    expect(await rawCounts()).toEqual({ users: expected.users, events: expected.events });

    const run = await getRunDetail(runId);
    expect(run?.status).toBe("succeeded");
    expect(run?.progress).toBe(1);
    expect(run?.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["generate-csvs", "succeeded"], ["load-raw-tables", "succeeded"], ["validate-raw", "succeeded"], ["build-staging", "succeeded"],
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

  it("replaces rather than duplicates on a rerun with the same inputs", async () => {
    const { runId } = await startRun("elearning-sample", small, "cli", "inline");
    await runLocally(runId);
    expect(await rawCounts()).toEqual({ users: expected.users, events: expected.events });
    const lines = await query<{ dupes: string }>(
      "SELECT count(*) - count(DISTINCT event_id) AS dupes FROM raw.elearning_events");
    expect(Number(lines[0].dupes)).toBe(0);
  });

  it("rejects invalid params with a message naming the field", async () => {
    await expect(startRun("elearning-sample", { users: "lots" }, "cli", "inline")).rejects.toThrow(/users/);
    await expect(startRun("no-such-pipeline", {}, "cli", "inline")).rejects.toThrow(/no pipeline "no-such-pipeline"/);
  });

  it("lists runs newest first with filters", async () => {
    const { runs, total } = await listRuns({ pipelineId: "elearning-sample", status: "succeeded" });
    expect(total).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.status === "succeeded" && r.pipelineId === "elearning-sample")).toBe(true);
    expect(runs[0].createdAt >= runs[1].createdAt).toBe(true);
  });
});
