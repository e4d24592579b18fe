import { createHash } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { query } from "../../lib/db/sql.ts";
import { createRun, getRunRef } from "../../lib/pipelines/run-store.ts";
import { getRunDetail } from "../../lib/pipelines/run-queries.ts";
import { elearningSample } from "../../lib/pipelines/elearning-sample.ts";
import { generateElearning } from "../../lib/sources/elearning/generate-elearning.ts";
import { elearningSampleParams } from "../../lib/sources/elearning/elearning-params.ts";
import { pipelineFunctions } from "../index.ts";
import { pipelineRequestedEvent } from "../events.ts";

// @inngest/test 1.0 keys `state` by the sha1 of the step id; a new engine per test (engines memoise step results).
const sid = (id: string) => createHash("sha1").update(id).digest("hex");
const fn = pipelineFunctions.find((f) => f.id() === "pipeline-elearning-sample" || f.id().endsWith("pipeline-elearning-sample"))!;
const engine = () => new InngestTestEngine({ function: fn });
const params = elearningSampleParams.parse({ users: 120, days: 40, seed: 3 });

async function queuedRun(): Promise<string> {
  return createRun({ pipelineId: "elearning-sample", params, trigger: "manual", executor: "inngest", concurrencyKey: "raw.elearning", steps: elearningSample.steps });
}

describe("pipeline-elearning-sample (Inngest function)", () => {
  it("is triggered by its event and its cron, one at a time per concurrency key, cancellable", () => {
    const config = (fn as unknown as { getConfig(o: object): { triggers: unknown; concurrency: unknown; cancel?: unknown }[] })
      .getConfig({ baseUrl: new URL("http://127.0.0.1:3000/api/inngest"), appPrefix: "churnops" })[0];
    expect(config.triggers).toEqual([{ event: pipelineRequestedEvent("elearning-sample") }, { cron: "0 2 * * *" }]);
    expect(config.concurrency).toEqual([{ limit: 1, key: "event.data.concurrencyKey" }]);
    expect(JSON.stringify(config.cancel)).toContain("churnops/run.cancel-requested");
  });

  it("runs the steps in order through step.run and writes the run, steps and raw rows", async () => {
    const runId = await queuedRun();
    const { result, state, ctx } = await engine().execute({
      events: [{ name: pipelineRequestedEvent("elearning-sample"), data: { runId, params, concurrencyKey: "raw.elearning" } }],
    });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["churnops-start-run", "generate-csvs", "load-raw-tables", "validate-raw", "build-staging", "churnops-finish-run"]);
    await expect(state[sid("generate-csvs")]).resolves.toMatchObject({ events: generateElearning(params).stats.events });
    expect(result).toMatchObject({ runId });

    const run = await getRunDetail(runId);
    expect(run?.status).toBe("succeeded");
    expect(run?.executor).toBe("inngest");
    expect(run?.steps.every((s) => s.status === "succeeded")).toBe(true);
    const [{ n }] = await query<{ n: string }>("SELECT count(*) AS n FROM raw.elearning_events");
    expect(Number(n)).toBe(generateElearning(params).stats.events);
  });

  it("creates a run for a cron trigger (no run id in the event)", async () => {
    const before = await query<{ n: string }>("SELECT count(*) AS n FROM ops.pipeline_runs WHERE trigger = 'schedule'");
    const { result } = await engine().execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } }],
      steps: [
        { id: "generate-csvs", handler: () => ({ usersKey: "x/users.csv", eventsKey: "x/events.csv" }) },
        { id: "load-raw-tables", handler: () => ({ mocked: true }) },
        { id: "validate-raw", handler: () => ({ dqRunIds: [], suites: [] }) },
        { id: "build-staging", handler: () => ({ users: 0, events: 0 }) },
      ],
    });
    const runId = (result as { runId: string }).runId;
    expect((await getRunRef(runId))?.trigger).toBe("schedule");
    const after = await query<{ n: string }>("SELECT count(*) AS n FROM ops.pipeline_runs WHERE trigger = 'schedule'");
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
  });

  it("records a failed step attempt on the step row while Inngest schedules the retry", async () => {
    // @inngest/test runs one attempt (no retries): the step fails, the run stays running until retries run out.
    const runId = await queuedRun();
    const { error } = await engine().execute({
      events: [{ name: pipelineRequestedEvent("elearning-sample"), data: { runId, params } }],
      // A mocked step replaces the step's whole callback; the real load step then fails on missing artifacts.
      steps: [{ id: "generate-csvs", handler: () => ({ usersKey: "missing/users.csv", eventsKey: "missing/events.csv" }) }],
    });
    expect(String((error as Error)?.message ?? error)).toContain("artifact(s) not found");
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("running");
    expect(run?.steps[1]).toMatchObject({ stepId: "load-raw-tables", status: "failed", attempts: 1 });
    expect(run?.steps[1].errorMessage).toContain("missing/users.csv");
    await query("UPDATE ops.pipeline_runs SET status = 'failed' WHERE id = $1", [runId]); // free the concurrency key
  });

  it("marks a run cancelled before its first step when a cancel was requested, without retrying", async () => {
    const runId = await queuedRun();
    await query("UPDATE ops.pipeline_runs SET cancel_requested_at = now() WHERE id = $1", [runId]);
    const { error, ctx } = await engine().execute({
      events: [{ name: pipelineRequestedEvent("elearning-sample"), data: { runId, params } }],
    });
    expect((error as Error)?.name).toBe("NonRetriableError");
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["churnops-start-run", "churnops-fail-run"]);
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("cancelled");
    expect(run?.steps.map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
  });
});

describe("on-data-changed (Inngest function)", () => {
  it("is triggered by churnops/data.changed and ignores an event without a confirmed version", async () => {
    const { onDataChanged } = await import("./on-data-changed.ts");
    const config = (onDataChanged as unknown as { getConfig(o: object): { triggers: unknown }[] })
      .getConfig({ baseUrl: new URL("http://127.0.0.1:3000/api/inngest"), appPrefix: "churnops" })[0];
    expect(config.triggers).toEqual([{ event: "churnops/data.changed" }]);
    const t = new InngestTestEngine({ function: onDataChanged });
    const { result } = await t.execute({ events: [{ name: "churnops/data.changed", data: { path: "watch/x.csv", sha256: "ab".repeat(32) } }] });
    expect(result).toEqual({ started: [] });
  });
});
