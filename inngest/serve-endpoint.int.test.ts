import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../lib/db/sql.ts";
import { resetEnvCache } from "../lib/env.ts";
import { elearningSample } from "../lib/pipelines/elearning-sample.ts";
import { getRunDetail } from "../lib/pipelines/run-queries.ts";
import { createRun, finishRun } from "../lib/pipelines/run-store.ts";
import { pipelineRequestedEvent } from "../lib/events/event-catalog.ts";

// The attack found on a running instance: CHURNOPS_ADMIN_TOKEN set, no INNGEST_SIGNING_KEY, and an unsigned POST to
// /api/inngest with a cron event body answered 206 and ran every step (replacing the raw tables). The real route
// module must refuse it in every unsafe configuration, before any step (or the run row the first step creates).
const ATTACK_URL = "http://127.0.0.1:3000/api/inngest?fnId=churnops-pipeline-elearning-sample&stepId=step";
const VARS = ["CHURNOPS_ADMIN_TOKEN", "CHURNOPS_BOUND_HOST", "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"] as const;

function unsignedCall(event: { name: string; data: Record<string, unknown> }): Request {
  const ev = { ...event, id: crypto.randomUUID(), ts: Date.now() };
  const body = { event: ev, events: [ev], steps: {}, ctx: { run_id: `01J${Date.now()}`, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } }, version: 1 };
  return new Request(ATTACK_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
const cronEvent = { name: "inngest/scheduled.timer", data: { cron: "0 2 * * *" } };

function configure(vars: Partial<Record<(typeof VARS)[number], string>>): void {
  for (const name of VARS) delete process.env[name];
  Object.assign(process.env, { CHURNOPS_ADMIN_TOKEN: "an-admin-token-of-some-length" }, vars);
  resetEnvCache();
}

async function footprint() {
  const [r] = await query<{ runs: string; users: string }>("SELECT (SELECT count(*) FROM ops.pipeline_runs) AS runs, (SELECT count(*) FROM raw.elearning_users) AS users");
  return { runs: Number(r.runs), users: Number(r.users) };
}

type Route = typeof import("../app/api/inngest/route.ts");
let route: Route;

describe("/api/inngest against an unsigned call", () => {
  beforeAll(async () => {
    // Loaded with INNGEST_DEV=1, as on the attacked server the client was in dev mode: only the route's policy
    // stands between the request and the steps. The policy reads the env per request.
    configure({ INNGEST_DEV: "1", CHURNOPS_BOUND_HOST: "127.0.0.1" });
    route = await import("../app/api/inngest/route.ts");
  });
  afterAll(() => {
    for (const name of VARS) delete process.env[name];
    resetEnvCache();
  });

  const post = (req: Request) => route.POST(req as never, undefined as never);

  it("answers 404 when Inngest is not configured, and runs nothing", async () => {
    configure({});
    const before = await footprint();
    const res = await post(unsignedCall(cronEvent));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "NOT_FOUND", message: expect.stringMatching(/Inngest is not configured/) });
    expect((await route.GET(new Request("http://127.0.0.1:3000/api/inngest") as never, undefined as never)).status).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it("refuses dev mode on a non-loopback bind (500 naming the cause), and runs nothing", async () => {
    for (const host of ["0.0.0.0", undefined]) {
      configure({ INNGEST_DEV: "1", ...(host ? { CHURNOPS_BOUND_HOST: host } : {}) });
      const before = await footprint();
      const res = await post(unsignedCall(cronEvent));
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ error: "INNGEST_MISCONFIGURED", message: expect.stringMatching(/INNGEST_DEV turns off Inngest's request signatures/) });
      expect(await footprint()).toEqual(before);
    }
  });

  it("refuses cloud mode without INNGEST_SIGNING_KEY (500 naming the cause), and runs nothing", async () => {
    configure({ INNGEST_BASE_URL: "http://127.0.0.1:9/", INNGEST_EVENT_KEY: "event-key", CHURNOPS_BOUND_HOST: "0.0.0.0" });
    const before = await footprint();
    const res = await post(unsignedCall(cronEvent));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: "INNGEST_MISCONFIGURED", message: expect.stringMatching(/without INNGEST_SIGNING_KEY/) });
    expect(await footprint()).toEqual(before);
  });

  it("leaves a queued run untouched when its event arrives unsigned on a refused endpoint", async () => {
    const params = { users: 20, days: 10, seed: 5 };
    const runId = await createRun({ pipelineId: "elearning-sample", params, trigger: "manual", executor: "inngest", concurrencyKey: "raw.elearning", steps: elearningSample.steps });
    const request = () => unsignedCall({ name: pipelineRequestedEvent("elearning-sample").name, data: { runId, params, concurrencyKey: "raw.elearning" } });
    configure({ INNGEST_DEV: "1", CHURNOPS_BOUND_HOST: "0.0.0.0" });
    expect((await post(request())).status).toBe(500);
    configure({ INNGEST_EVENT_KEY: "event-key" });
    expect((await post(request())).status).toBe(500);
    const run = await getRunDetail(runId);
    expect(run?.status).toBe("queued");
    expect(run?.steps.map((s) => s.status)).toEqual(elearningSample.steps.map(() => "pending"));

    // Control: the same request on a loopback dev server does reach the steps, so the refusals above are the
    // policy's doing and not a malformed request.
    configure({ INNGEST_DEV: "1", CHURNOPS_BOUND_HOST: "127.0.0.1" });
    const res = await post(request());
    expect(res.status).toBeLessThan(300);
    expect((await getRunDetail(runId))?.status).not.toBe("queued");
    // This run started and nobody drives its next steps: end it, so it does not hold raw.elearning for other tests.
    await finishRun(runId, { status: "cancelled", failureKind: "cancelled", message: "test over" });
  });
});
