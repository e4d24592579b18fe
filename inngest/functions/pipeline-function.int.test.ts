import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { loadedRows } from "../../tests/helpers/loaded-rows.ts";
import { query } from "../../lib/db/sql.ts";
import { pipelineRequestedEvent } from "../../lib/events/event-catalog.ts";
import { elearningIngest, elearningSample } from "../../lib/pipelines/elearning-sample.ts";
import { createRun, getRunRef } from "../../lib/pipelines/run-store.ts";
import { getRunDetail } from "../../lib/pipelines/run-queries.ts";
import { generateElearning } from "../../lib/sources/elearning/generate-elearning.ts";
import { elearningSampleParams } from "../../lib/sources/elearning/elearning-params.ts";
import { pipelineFunctions, scheduleFunctions, triggerFunctions } from "../index.ts";
import { createPipelineFunction, type StartPolicy } from "./pipeline-function.ts";

// @inngest/test 1.0 never resolves a run that calls step.sleep inside execute(), so the tests that wait for a key or
// retry a start use instances without the sleeps (the claims, the attempts and the recorded outcome are the same).
const noSleep: StartPolicy = { keyWait: { interval: null, attempts: 4 }, startRetry: { interval: null, attempts: 3 } };

// @inngest/test 1.0 keys `state` by the sha1 of the step id; a new engine per test (engines memoise step results).
const sid = (id: string) => createHash("sha1").update(id).digest("hex");
const fnFor = (id: string) => pipelineFunctions.find((f) => f.id().endsWith(`pipeline-${id}`))!;
const emitStep = { id: "churnops-emit-build-staging", handler: () => ({ ids: ["sent"] }) };
const engine = (id = "elearning-sample") => new InngestTestEngine({ function: fnFor(id) });
const params = elearningSampleParams.parse({ users: 120, days: 40, seed: 3 });
const requested = (pipelineId: string, data: object) => ({ name: pipelineRequestedEvent(pipelineId).name, data });
const stepIdsOf = (ctx: { step: { run: unknown } }) => (ctx.step.run as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
const configOf = (fn: unknown) =>
  (fn as { getConfig(o: object): { triggers: unknown; concurrency: unknown }[] }).getConfig({ baseUrl: new URL("http://127.0.0.1:3000/api/inngest"), appPrefix: "churnops" })[0];

// Each test's runs get their own concurrency key (the claim reads the run row's key), so a run another test file
// left active can never make these wait.
let key = "";
beforeEach(() => void (key = `raw.elearning:${crypto.randomUUID()}`));

async function queuedRun(pipelineId = "elearning-sample", runParams: object = params): Promise<string> {
  const steps = pipelineId === "elearning-sample" ? elearningSample.steps : elearningIngest.steps;
  return createRun({ pipelineId, params: runParams as never, trigger: "manual", executor: "inngest", concurrencyKey: key, steps });
}

describe("pipeline-elearning-sample (Inngest function)", () => {
  it("is triggered by its event and shares its concurrency key across functions (environment scope)", () => {
    const config = configOf(fnFor("elearning-sample"));
    expect(config.triggers).toEqual([{ event: "churnops/elearning-sample.requested" }]);
    expect(config.concurrency).toEqual([{ limit: 1, key: "event.data.concurrencyKey", scope: "env" }]);
    // The same key expression for the pipeline that replaces the same raw tables.
    expect(configOf(fnFor("elearning-ingest")).concurrency).toEqual(config.concurrency);
  });

  it("runs the steps in order through step.run, validating each output, and writes the run, steps and raw rows", async () => {
    const runId = await queuedRun();
    const { result, state, ctx } = await engine().execute({
      events: [requested("elearning-sample", { runId, params, concurrencyKey: key })],
      // No Inngest server here: the send step of the staging build's data.changed is the one step replaced.
      steps: [emitStep],
    });
    expect(stepIdsOf(ctx)).toEqual(["churnops-start-run", "generate-csvs", "load-raw-tables", "validate-raw", "build-staging", "churnops-emitted-build-staging", "release-working-tables", "churnops-finish-run"]);
    // The load announces its new staging data through step.sendEvent (the trigger table retrains on it).
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; data: Record<string, unknown> }[]][] } }).mock.calls;
    expect(sent.map((c) => c[0])).toEqual(["churnops-emit-build-staging"]);
    expect(sent[0]![1]).toMatchObject([{ name: "churnops/data.changed", data: { source: "elearning", runId, path: "staging/elearning" } }]);
    await expect(state[sid("generate-csvs")]).resolves.toMatchObject({ output: { events: generateElearning(params).stats.events }, emitted: [] });
    expect(result).toMatchObject({ runId });
    const run = await getRunDetail(runId);
    expect(run).toMatchObject({ status: "succeeded", executor: "inngest" });
    expect(run?.steps.every((s) => s.status === "succeeded")).toBe(true);
    // The rows are in the run's snapshot; raw.* and staging.* carried them between steps and were emptied.
    const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${await loadedRows("staging.elearning_events", runId)}`);
    expect(Number(n)).toBe(generateElearning(params).stats.events);
    const [{ raw }] = await query<{ raw: string }>("SELECT count(*) AS raw FROM raw.elearning_events");
    expect(Number(raw)).toBe(0);
  });

  it("fails a step whose output breaks its schema, naming the field", async () => {
    const runId = await queuedRun();
    const { error } = await engine().execute({
      events: [requested("elearning-sample", { runId, params, concurrencyKey: key })],
      steps: [{ id: "generate-csvs", handler: () => ({ output: { usersKey: "x/users.csv", eventsKey: 7 }, emitted: [] }) }],
    });
    // The memoised (mocked) result is read back through the schema by the next step.
    expect(String((error as Error)?.message ?? error)).toContain(`step "generate-csvs" returned an invalid output: field "eventsKey": Invalid input: expected string, received number`);
    await query("UPDATE ops.pipeline_runs SET status = 'failed' WHERE id = $1", [runId]);
  });

  it("records a failed step attempt on the step row while Inngest schedules the retry", async () => {
    // @inngest/test runs one attempt (no retries): the step fails, the run stays running until retries run out.
    const runId = await queuedRun();
    const { error } = await engine().execute({
      events: [requested("elearning-sample", { runId, params, concurrencyKey: key })],
      steps: [{ id: "generate-csvs", handler: () => ({ output: { usersKey: "missing/users.csv", eventsKey: "missing/events.csv", users: 1, events: 1, churnedUsers: 0, bytes: 1 }, emitted: [] }) }],
    });
    expect(String((error as Error)?.message ?? error)).toContain("artifact(s) not found");
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("running");
    expect(run?.steps[1]).toMatchObject({ stepId: "load-raw-tables", status: "failed", attempts: 1 });
    await query("UPDATE ops.pipeline_runs SET status = 'failed' WHERE id = $1", [runId]); // free the concurrency key
  });

  it("marks a run cancelled before its first step when a cancel was requested, without retrying", async () => {
    const runId = await queuedRun();
    await query("UPDATE ops.pipeline_runs SET cancel_requested_at = now() WHERE id = $1", [runId]);
    const { error, ctx } = await engine().execute({ events: [requested("elearning-sample", { runId, params, concurrencyKey: key })] });
    expect((error as Error)?.name).toBe("NonRetriableError");
    expect(stepIdsOf(ctx)).toEqual(["churnops-start-run", "churnops-fail-run"]);
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("cancelled");
    expect(run?.steps.map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "cancelled"]);
  });

  it("one run at a time per key across two functions: the second waits behind the first, then fails naming it", async () => {
    const first = await queuedRun();
    const second = await queuedRun("elearning-ingest", { usersKey: "x/users.csv", eventsKey: "x/events.csv", encoding: "auto" });
    let secondResult: unknown;
    let secondSteps: string[] = [];
    // While the first function is inside its generate step (holding raw.elearning), the second function executes.
    const { result } = await engine().execute({
      events: [requested("elearning-sample", { runId: first, params, concurrencyKey: key })],
      steps: [emitStep, {
        id: "generate-csvs",
        handler: async () => {
          const t = new InngestTestEngine({ function: createPipelineFunction(elearningIngest, noSleep) });
          const out = await t.execute({ events: [requested("elearning-ingest", { runId: second, concurrencyKey: key })] });
          secondResult = out.result;
          secondSteps = stepIdsOf(out.ctx);
          const data = generateElearning(params);
          const { putArtifact } = await import("../../lib/storage/artifact-records.ts");
          const usersKey = `datasets/elearning/${first}/users.csv`;
          const eventsKey = `datasets/elearning/${first}/events.csv`;
          await putArtifact(usersKey, data.usersCsv, { kind: "dataset", contentType: "text/csv", runId: first });
          await putArtifact(eventsKey, data.eventsCsv, { kind: "dataset", contentType: "text/csv", runId: first });
          return { output: { usersKey, eventsKey, users: data.stats.users, events: data.stats.events, churnedUsers: data.stats.churnedUsers, bytes: 1 }, emitted: [] };
        },
      }],
    });
    expect(result).toMatchObject({ runId: first });
    expect((await getRunRef(first))?.status).toBe("succeeded");
    // The second never ran a pipeline step: it claimed, waited KEY_WAIT.attempts times, and recorded why it stopped.
    expect(secondSteps.filter((s) => !s.startsWith("churnops-"))).toEqual([]);
    expect(secondSteps.filter((s) => s.startsWith("churnops-claim-"))).toHaveLength(noSleep.keyWait.attempts);
    expect(secondResult).toMatchObject({ runId: second, skipped: true });
    const blocked = await getRunDetail(second);
    expect(blocked?.status).toBe("failed");
    expect(blocked?.errorMessage).toContain(`run ${first} held its concurrency key`);
    expect(blocked?.steps.every((s) => s.status === "skipped")).toBe(true);
  });

  it("records a start that keeps failing on the run row instead of leaving it queued", async () => {
    const runId = await queuedRun();
    // A real database-side failure of the claim (as when the start step cannot write), for this run only.
    await query(`CREATE OR REPLACE FUNCTION ops.test_refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN IF NEW.id = '${runId}' AND NEW.status = 'running' THEN RAISE EXCEPTION 'claim refused for the test'; END IF; RETURN NEW; END $$`);
    await query(`CREATE TRIGGER test_refuse_claim BEFORE UPDATE ON ops.pipeline_runs FOR EACH ROW EXECUTE FUNCTION ops.test_refuse_claim()`);
    try {
      const t = new InngestTestEngine({ function: createPipelineFunction(elearningSample, noSleep) });
      const { ctx, result } = await t.execute({ events: [requested("elearning-sample", { runId, params, concurrencyKey: key })] });
      expect(stepIdsOf(ctx).filter((s) => s.startsWith("churnops-claim-"))).toHaveLength(noSleep.startRetry.attempts);
      expect(result).toMatchObject({ runId, skipped: true });
    } finally {
      await query("DROP TRIGGER test_refuse_claim ON ops.pipeline_runs");
      await query("DROP FUNCTION ops.test_refuse_claim()");
    }
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("failed");
    expect(run?.errorMessage).toContain("The run could not start: claim refused for the test");
  });
});

describe("schedule and trigger functions", () => {
  it("a cron schedule creates the run row and requests it with its run id and concurrency key", async () => {
    const fn = scheduleFunctions.find((f) => f.id().endsWith("schedule-elearning-sample"))!;
    expect(configOf(fn).triggers).toEqual([{ cron: "0 2 * * *" }]);
    // No Inngest server here: the send step is the one step replaced (its arguments are what we check).
    const { result, ctx } = await new InngestTestEngine({ function: fn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } }],
      steps: [{ id: "request-run", handler: () => ({ ids: ["x"] }) }],
    });
    const runId = (result as { runId: string }).runId;
    const run = await getRunRef(runId);
    expect(run).toMatchObject({ trigger: "schedule", executor: "inngest", status: "queued" });
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { id: string; name: string; data: object }][] } }).mock.calls;
    expect(sent[0][1]).toMatchObject({ id: runId, name: "churnops/elearning-sample.requested", data: { runId, concurrencyKey: "raw.elearning" } });
    await query("UPDATE ops.pipeline_runs SET status = 'cancelled' WHERE id = $1", [runId]);
  });

  it("data.changed starts tabular-load only for a confirmed version (the trigger table)", async () => {
    const fn = triggerFunctions.find((f) => f.id().endsWith("trigger-data-changed-load-table"))!;
    expect(configOf(fn).triggers).toEqual([{ event: "churnops/data.changed" }]);
    const { result } = await new InngestTestEngine({ function: fn }).execute({
      events: [{ name: "churnops/data.changed", data: { path: "watch/x.csv", sha256: "ab".repeat(32) } }],
    });
    expect(result).toEqual({ started: null });
  });
});
