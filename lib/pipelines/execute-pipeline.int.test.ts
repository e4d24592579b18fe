import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { query } from "../db/sql.ts";
import { executePipeline, type EmittedEvent, type StepExecutor } from "./execute-pipeline.ts";
import { definePipeline, defineStep } from "./pipeline-definition.ts";
import { DataGateError, RunCancelledError } from "./pipeline-errors.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { getRunDetail } from "./run-queries.ts";
import { claimRun, createRun, finishRun } from "./run-store.ts";
import { cancelRun } from "./start-run.ts";

// executePipeline with small pipelines defined here: typed outputs, failures that keep their output, events, cancels.

const delivered: { stepId: string; events: readonly EmittedEvent[] }[] = [];
const direct: StepExecutor = { runStep: (_id, fn) => fn(), deliver: async (stepId, events) => void delivered.push({ stepId, events }) };

const count = defineStep({ id: "count", title: "Count", output: z.object({ rows: z.number().int() }), run: async () => ({ rows: 3 }) });

async function runOf(def: { id: string; steps: readonly { id: string; title: string }[] }, key = `test:${crypto.randomUUID()}`) {
  const runId = await createRun({ pipelineId: def.id, params: {}, trigger: "manual", executor: "local", concurrencyKey: key, steps: def.steps });
  expect(await claimRun(runId, process.pid)).toBe("claimed");
  return runId;
}

describe("executePipeline", () => {
  it("gives later steps the typed output of earlier ones", async () => {
    const double = defineStep({ id: "double", title: "Double", output: z.object({ rows: z.number() }), run: async ({ output }) => ({ rows: output(count).rows * 2 }) });
    const def = definePipeline({ id: "test-typed", title: "t", description: "t", params: z.object({}), steps: [count, double] });
    const runId = await runOf(def);
    expect(await executePipeline(def, runId, {}, direct)).toEqual({ count: { rows: 3 }, double: { rows: 6 } });
  });

  it("fails a step whose output breaks its schema, with a message naming the field", async () => {
    const bad = defineStep({ id: "bad", title: "Bad", output: z.object({ table: z.string(), rows: z.number().int() }), run: async () => ({ table: "t", rows: "many" }) as never });
    const def = definePipeline({ id: "test-bad-output", title: "t", description: "t", params: z.object({}), steps: [bad] });
    const runId = await runOf(def);
    await expect(executePipeline(def, runId, {}, direct)).rejects.toThrow('step "bad" returned an invalid output: field "rows": Invalid input: expected number, received string');
    expect((await getRunDetail(runId))?.steps[0]).toMatchObject({ status: "failed", errorMessage: expect.stringContaining('field "rows"') });
  });

  it("keeps the output of a step that failed with results (a failed gate's suites and reject counts)", async () => {
    const summary = { dqRunIds: ["5b1f0e0c-8a57-4d1a-9a0e-6f1d2c3b4a59"], suites: [{ suite: "events", status: "failed", rowCount: 10, rejectedRows: 4, failed: ["EVENT_TIME_UNPARSEABLE"], warned: [], dqRunId: "5b1f0e0c-8a57-4d1a-9a0e-6f1d2c3b4a59" }] };
    const gate = defineStep({ id: "validate-raw", title: "Gate", output: z.object({}), run: async () => { throw new DataGateError("Data gate failed: events", summary); } });
    const def = definePipeline({ id: "test-gate", title: "t", description: "t", params: z.object({}), steps: [gate] });
    const runId = await runOf(def);
    await expect(executePipeline(def, runId, {}, direct)).rejects.toBeInstanceOf(DataGateError);
    expect((await getRunDetail(runId))?.steps[0]).toMatchObject({ status: "failed", output: summary, errorMessage: "Data gate failed: events" });
  });

  it("writes emitted events to the outbox with the run, and hands them to the executor after the step", async () => {
    const announce = defineStep({
      id: "announce", title: "Announce", output: z.object({ ok: z.boolean() }),
      run: async ({ emit }) => {
        await emit({ name: "churnops/drift.detected", data: { runId: crypto.randomUUID(), dataset: "elearning", driftedShare: 0.6, status: "fail" } });
        return { ok: true };
      },
    });
    const def = definePipeline({ id: "test-emit", title: "t", description: "t", params: z.object({}), steps: [announce] });
    const runId = await runOf(def);
    delivered.length = 0;
    await executePipeline(def, runId, {}, direct);
    const rows = await query<{ id: string; name: string; run_id: string }>("SELECT id, name, run_id FROM ops.outbox_events WHERE run_id = $1", [runId]);
    expect(rows).toEqual([{ id: expect.any(String), name: "churnops/drift.detected", run_id: runId }]);
    expect(delivered).toEqual([{ stepId: "announce", events: [expect.objectContaining({ id: rows[0].id, name: "churnops/drift.detected" })] }]);
    await query("UPDATE ops.outbox_events SET sent_at = now() WHERE run_id = $1", [runId]);
  });

  it("a cancel shows 'cancelling' and keeps the concurrency key until the running step has stopped", async () => {
    let release!: () => void;
    const stopped = new Promise<void>((r) => (release = r));
    // A step that notices the cancel through its signal (the heartbeat), then takes a while to stop cleanly.
    const slow = defineStep({
      id: "slow", title: "Slow", output: z.object({}),
      run: async ({ signal }) => {
        while (!signal.aborted) await sleep(50);
        await stopped;
        throw new RunCancelledError();
      },
    });
    const def = definePipeline({ id: "test-cancel", title: "t", description: "t", params: z.object({}), steps: [slow] });
    const key = `test:${crypto.randomUUID()}`;
    const runId = await runOf(def, key);
    const execution = executePipeline(def, runId, {}, direct).catch((e) => e);
    await sleep(200);
    expect(await cancelRun(runId)).toEqual({ status: "cancelling" });
    // Another run with the same key cannot start while the first is still stopping.
    const next = await createRun({ pipelineId: def.id, params: {}, trigger: "manual", executor: "local", concurrencyKey: key, steps: def.steps });
    expect(await claimRun(next, process.pid)).toBe("busy");
    expect((await getRunDetail(runId))?.status).toBe("cancelling");
    release();
    expect(await execution).toBeInstanceOf(RunCancelledError);
    await finishRun(runId, { status: "cancelled", failureKind: "cancelled", message: "cancelled by a user" });
    expect((await getRunDetail(runId))?.status).toBe("cancelled");
    expect(await claimRun(next, process.pid)).toBe("claimed");
    await finishRun(next, { status: "cancelled", failureKind: "cancelled", message: "test" });
  });
});

describe("recoverStaleRuns (the sweeper)", () => {
  it("fails an Inngest run without a heartbeat past the deadline, and ends a stalled cancel as cancelled", async () => {
    const steps = [{ id: "s", title: "S" }];
    const stale = await createRun({ pipelineId: "elearning-sample", params: {}, trigger: "manual", executor: "inngest", concurrencyKey: `test:${crypto.randomUUID()}`, steps });
    const stopping = await createRun({ pipelineId: "elearning-sample", params: {}, trigger: "manual", executor: "inngest", concurrencyKey: `test:${crypto.randomUUID()}`, steps });
    const fresh = await createRun({ pipelineId: "elearning-sample", params: {}, trigger: "manual", executor: "inngest", concurrencyKey: `test:${crypto.randomUUID()}`, steps });
    await query("UPDATE ops.pipeline_runs SET status = 'running', heartbeat_at = now() - interval '20 minutes' WHERE id = $1", [stale]);
    await query("UPDATE ops.pipeline_runs SET status = 'cancelling', cancel_requested_at = now(), heartbeat_at = now() - interval '20 minutes' WHERE id = $1", [stopping]);
    await query("UPDATE ops.pipeline_runs SET status = 'running', heartbeat_at = now() - interval '1 minute' WHERE id = $1", [fresh]);
    const swept = await recoverStaleRuns();
    expect(swept).toEqual(expect.arrayContaining([stale, stopping]));
    expect(swept).not.toContain(fresh);
    expect(await getRunDetail(stale)).toMatchObject({ status: "failed", failureKind: "crashed" });
    expect(await getRunDetail(stopping)).toMatchObject({ status: "cancelled" });
    expect((await getRunDetail(fresh))?.status).toBe("running");
    await finishRun(fresh, { status: "failed", failureKind: "error", message: "test" });
  });
});
