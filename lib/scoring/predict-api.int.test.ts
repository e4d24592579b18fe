import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as promoteRoute } from "../../app/api/models/[name]/promote/route.ts";
import { GET as modelsRoute } from "../../app/api/models/route.ts";
import { GET as openapiRoute } from "../../app/api/openapi.json/route.ts";
import { POST as predictRoute } from "../../app/api/predict/route.ts";
import { GET as listRunsRoute, POST as startRunRoute } from "../../app/api/runs/route.ts";
import { GET as metricsRoute } from "../../app/metrics/route.ts";
import { query } from "../db/sql.ts";
import { resetEnvCache } from "../env.ts";
import { getPipeline } from "../pipelines/catalog.ts";
import { concurrencyKeyOf } from "../pipelines/pipeline-definition.ts";
import { promoteVersion } from "../registry/promote-version.ts";
import { settleOutbox } from "../registry/testing.ts";
import type { PredictResponse } from "./predict-schemas.ts";
import { RESOLVE_TTL_MS } from "./resolved-versions.ts";
import { loadPredictor } from "./row-predictor.ts";
import { fitSynthetic, frameRows } from "./testing/synthetic-churn.ts";
import { registerSyntheticModel, type RegisteredSynthetic } from "./testing/register-synthetic-model.ts";

// The API route handlers called directly with a Request (no server): POST /api/predict, GET /api/models, GET/POST
// /api/runs, GET /api/openapi.json and GET /metrics, on a model fitted on the synthetic churn data and registered
// through lib/registry. Other test files share this database, so model names are this file's own.

const TOKEN = "predict-api-test-token";
const ORIGIN = "http://127.0.0.1:3000";
const LINEAR = "api-linear-churn";
const TREES = "api-tree-churn";

let linear: RegisteredSynthetic;

const predict = (body: unknown, headers: Record<string, string> = {}) =>
  predictRoute(new Request(`${ORIGIN}/api/predict`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json", ...headers } }));
const get = (route: (req: Request) => Promise<Response> | Response, path: string, headers: Record<string, string> = {}) => route(new Request(`${ORIGIN}${path}`, { headers }));

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  // The routes apply the request guard themselves: without a token they serve a loopback-bound server only.
  setEnv({ CHURNOPS_BOUND_HOST: "127.0.0.1", CHURNOPS_ADMIN_TOKEN: undefined, CHURNOPS_HIGH_RISK_THRESHOLD: undefined });
  linear = await registerSyntheticModel(LINEAR, "logistic-regression", { rows: 600, seed: 7 });
});
afterEach(() => setEnv({ CHURNOPS_ADMIN_TOKEN: undefined, CHURNOPS_HIGH_RISK_THRESHOLD: undefined }));
afterAll(async () => {
  setEnv({ CHURNOPS_BOUND_HOST: undefined });
  await settleOutbox();
});

function expectAdditive(p: PredictResponse["predictions"][number]) {
  const sum = p.contributions!.reduce((s, c) => s + c.value, p.expectedValue!);
  expect(Math.abs(sum - p.raw)).toBeLessThan(1e-9);
}

describe("POST /api/predict", () => {
  it("scores one row with its probability, risk band, additive contributions and the model version", async () => {
    const [row] = frameRows(linear.frame, 1);
    const res = await predict({ model: LINEAR, row });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PredictResponse;
    expect(body).toMatchObject({ model: LINEAR, version: linear.version, family: "logistic-regression", champion: true, thresholds: { medium: 0.35, high: 0.7 } });
    expect(body.predictions).toHaveLength(1);
    const p = body.predictions[0]!;
    // The same number as the registered artifact scored directly (JSON keeps float64 exactly).
    const direct = loadPredictor(fitSynthetic(linear.frame, "logistic-regression").artifact).predict({ ...linear.frame, rows: 1, columns: linear.frame.columns.map((c) => ({ ...c, values: c.values.slice(0, 1) })) as never });
    expect(p.probability).toBe(direct.probability[0]);
    expect(p.riskBand).toBe(p.probability >= 0.7 ? "high" : p.probability >= 0.35 ? "medium" : "low");
    expect(p.contributions!.map((c) => c.feature).sort()).toEqual(["active_days_30", "country", "days_since_last_activity", "is_paid", "plan", "watch_minutes_30"]);
    // largest |contribution| first
    const sizes = p.contributions!.map((c) => Math.abs(c.value));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expectAdditive(p);
  });

  it("scores many rows in input order, and leaves explanations out when asked", async () => {
    const rows = frameRows(linear.frame, 50);
    const body = (await (await predict({ model: LINEAR, rows })).json()) as PredictResponse;
    expect(body.predictions).toHaveLength(50);
    const one = (await (await predict({ model: LINEAR, row: rows[37] })).json()) as PredictResponse;
    expect(body.predictions[37]!.probability).toBe(one.predictions[0]!.probability);
    const bare = (await (await predict({ model: LINEAR, rows, contributions: false })).json()) as PredictResponse;
    expect(bare.predictions[37]).toEqual({ probability: one.predictions[0]!.probability, raw: one.predictions[0]!.raw, riskBand: one.predictions[0]!.riskBand });
  });

  it("bands risk by CHURNOPS_HIGH_RISK_THRESHOLD (high from it, medium from half of it)", async () => {
    setEnv({ CHURNOPS_HIGH_RISK_THRESHOLD: "0.02" });
    const body = (await (await predict({ model: LINEAR, rows: frameRows(linear.frame, 40) })).json()) as PredictResponse;
    expect(body.thresholds).toEqual({ medium: 0.01, high: 0.02 });
    for (const p of body.predictions) expect(p.riskBand).toBe(p.probability >= 0.02 ? "high" : p.probability >= 0.01 ? "medium" : "low");
    expect(body.predictions.some((p) => p.riskBand === "high")).toBe(true);
  });

  it("answers 400 naming the offending field, with its row", async () => {
    const rows = frameRows(linear.frame, 5);
    rows[3] = { ...rows[3], watch_minutes_30: "lots" };
    let res = await predict({ model: LINEAR, rows });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "INVALID_INPUT", message: expect.stringContaining("rows[3].watch_minutes_30"), fields: { "rows[3].watch_minutes_30": "expected a number, or null when unknown" } });

    res = await predict({ model: LINEAR, row: { days_since_last_activty: 3 } });
    expect(res.status).toBe(400);
    expect((await res.json()).fields).toEqual({ "row.days_since_last_activty": expect.stringMatching(/^not a feature of this model/) });

    res = await predict({ model: LINEAR, rows: [{}, { plan: { nested: true } }] });
    expect((await res.json()).fields).toEqual({ "rows[1].plan": expect.stringMatching(/^expected a category as text \(known: .*\), or null when unknown$/) });
    res = await predict({ model: LINEAR, rows: [{}, [1, 2]] });
    expect((await res.json()).fields).toEqual({ "rows[1]": "expected an object of feature values" });

    res = await predict({ model: LINEAR, row: {}, rows: [{}] });
    expect((await res.json()).fields).toEqual({ rows: 'send either "rows" (an array) or "row" (one object)' });
    res = await predict({ model: LINEAR, rows: [], extra: 1 });
    expect(Object.keys((await res.json()).fields).sort()).toEqual(["body", "rows"]);
    res = await predict("{not json");
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/not JSON/);
  });

  it("answers 404 for an unknown model or version", async () => {
    let res = await predict({ model: "no-such-model", row: {} });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/no model named "no-such-model"/);
    res = await predict({ model: LINEAR, version: 99, row: {} });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/no ready version 99/);
  });

  it("uses a new champion on the next request, keeps older versions scorable by number, and needs a model name when several have champions", async () => {
    await registerSyntheticModel(TREES, "logistic-regression", { rows: 300, seed: 3 });
    const v2 = await registerSyntheticModel(TREES, "gradient-boosting", { rows: 300, seed: 3 });
    expect(v2.version).toBe(2);
    const [row] = frameRows(v2.frame, 1);
    const body = (await (await predict({ model: TREES, row })).json()) as PredictResponse;
    expect(body).toMatchObject({ model: TREES, version: 2, family: "gradient-boosting", champion: true });
    expectAdditive(body.predictions[0]!);
    const old = (await (await predict({ model: TREES, version: 1, row })).json()) as PredictResponse;
    expect(old).toMatchObject({ version: 1, family: "logistic-regression", champion: false });
    expectAdditive(old.predictions[0]!);

    const res = await predict({ row });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(new RegExp(`Several models have a champion \\(.*${LINEAR}.*${TREES}`));

    // A promotion through this server's route is used by the very next request...
    const promote = await promoteRoute(new Request(`${ORIGIN}/api/models/${TREES}/promote`, { method: "POST", body: JSON.stringify({ version: 1 }) }), { params: Promise.resolve({ name: TREES }) });
    expect(promote.status).toBe(200);
    expect(((await (await predict({ model: TREES, row })).json()) as PredictResponse).version).toBe(1);
    // ...one made by another process (a worker's promotion rule, the CLI) within RESOLVE_TTL_MS.
    await promoteVersion(TREES, 2, { actor: "test" });
    await new Promise((r) => setTimeout(r, RESOLVE_TTL_MS + 100));
    expect(((await (await predict({ model: TREES, row })).json()) as PredictResponse).version).toBe(2);
  });

  it("needs the token when one is set (401 without it, 200 with the bearer token)", async () => {
    setEnv({ CHURNOPS_ADMIN_TOKEN: TOKEN });
    const [row] = frameRows(linear.frame, 1);
    let res = await predict({ model: LINEAR, row });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "UNAUTHORIZED" });
    res = await predict({ model: LINEAR, row }, { authorization: "Bearer not-the-right-token" });
    expect(res.status).toBe(401);
    res = await predict({ model: LINEAR, row }, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
  });

  it("serves nothing without a token on a non-loopback bind (403)", async () => {
    setEnv({ CHURNOPS_BOUND_HOST: "0.0.0.0" });
    try {
      expect((await predict({ model: LINEAR, row: {} })).status).toBe(403);
    } finally {
      setEnv({ CHURNOPS_BOUND_HOST: "127.0.0.1" });
    }
  });
});

describe("GET /api/models", () => {
  it("lists registered models with the champion version and primary metric, and the feature schema on request", async () => {
    let body = await (await get(modelsRoute, "/api/models")).json();
    const mine = body.models.find((m: { name: string }) => m.name === LINEAR);
    expect(mine).toMatchObject({ name: LINEAR, dataset: "synthetic", primaryMetric: "roc_auc", champion: { version: linear.version, value: expect.any(Number) } });
    expect(mine.features).toBeUndefined();
    body = await (await get(modelsRoute, "/api/models?include=features")).json();
    const features = body.models.find((m: { name: string }) => m.name === LINEAR).features;
    expect(features.map((f: { name: string }) => f.name)).toEqual(["days_since_last_activity", "active_days_30", "watch_minutes_30", "is_paid", "plan", "country"]);
    expect(features.find((f: { name: string }) => f.name === "plan")).toMatchObject({ kind: "categorical", categories: ["free", "paid"] });
    setEnv({ CHURNOPS_ADMIN_TOKEN: TOKEN });
    expect((await get(modelsRoute, "/api/models")).status).toBe(401);
  });
});

describe("GET and POST /api/runs", () => {
  it("lists runs as before and starts pipelines only with valid params and the token", async () => {
    const list = await (await get(listRunsRoute, "/api/runs?pipelineId=train-synthetic")).json();
    expect(list).toMatchObject({ page: 1, pageSize: 25 });
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.runs[0]).toMatchObject({ pipelineId: "train-synthetic", status: "succeeded" });

    const post = (body: unknown, headers: Record<string, string> = {}) => startRunRoute(new Request(`${ORIGIN}/api/runs`, { method: "POST", body: JSON.stringify(body), headers }));
    let res = await post({ pipeline: "no-such-pipeline" });
    expect(res.status).toBe(404);
    res = await post({ pipeline: "elearning-sample", params: { users: -5 } });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields)).toEqual(["users"]);
    res = await post({ pipline: "elearning-sample" });
    expect(res.status).toBe(400);
    expect((await res.json()).fields).toHaveProperty("pipeline");

    // ifIdle: a run holding the same concurrency key makes it 409 WOULD_QUEUE instead of queuing (nothing starts).
    const key = concurrencyKeyOf(getPipeline("elearning-sample"), getPipeline("elearning-sample").params.parse({}));
    const [held] = await query<{ id: string }>(`INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key, started_at) VALUES (gen_random_uuid(), 'elearning-sample', 'manual', 'local', 'running', $1, now()) RETURNING id::text`, [key]);
    try {
      res = await post({ pipeline: "elearning-sample", ifIdle: true });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: "WOULD_QUEUE", blockingRun: { id: held!.id } });
    } finally {
      await query("UPDATE ops.pipeline_runs SET status = 'cancelled', finished_at = now() WHERE id = $1", [held!.id]);
    }

    setEnv({ CHURNOPS_ADMIN_TOKEN: TOKEN });
    res = await post({ pipeline: "elearning-sample" });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes the API as OpenAPI 3.1, with bodies generated from the routes' zod schemas", async () => {
    const doc = await (await openapiRoute()).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/predict", "/api/models", "/api/runs", "/metrics"]));
    expect(Object.keys(doc.paths["/api/runs"])).toEqual(["get", "post"]);
    const request = doc.components.schemas.PredictRequest;
    expect(Object.keys(request.properties)).toEqual(["model", "version", "rows", "row", "contributions", "asOf"]);
    expect(request.properties.rows.maxItems).toBe(1000);
    expect(request.additionalProperties).toBe(false);
    expect(doc.components.schemas.PredictResponse.properties.predictions.items.properties.riskBand.enum).toEqual(["low", "medium", "high"]);
    expect(doc.paths["/api/runs"].post.description).toMatch(/train-elearning/);
  });
});

describe("GET /metrics", () => {
  /** name{labels} value lines of the exposition text, as [name, labels, value]. */
  const samples = (text: string) =>
    text.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (.+)$/.exec(l)!;
      return { name: m[1]!, labels: m[2] ?? "", value: Number(m[3]) };
    });

  it("exposes request latency, predictions served, runs, champion metrics and (when the table exists) drift, in Prometheus text", async () => {
    await predict({ model: LINEAR, rows: frameRows(linear.frame, 3) });
    const res = await get(metricsRoute, "/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const s = samples(text);
    const names = new Set(s.map((x) => x.name));
    for (const name of ["churnops_http_request_duration_seconds_bucket", "churnops_http_request_duration_seconds_count", "churnops_predictions_served_total", "churnops_pipeline_runs", "churnops_pipeline_run_duration_seconds", "churnops_model_champion_metric", "churnops_model_champion_version", "churnops_model_champion_primary_metric", "churnops_database_up", "churnops_process_cpu_user_seconds_total"]) {
      expect(names, name).toContain(name);
    }
    expect(s.find((x) => x.name === "churnops_database_up")!.value).toBe(1);
    expect(s.find((x) => x.name === "churnops_predictions_served_total" && x.labels === `{model="${LINEAR}"}`)!.value).toBeGreaterThanOrEqual(3);
    expect(s.some((x) => x.name === "churnops_http_request_duration_seconds_count" && x.labels.includes('route="/api/predict"') && x.labels.includes('status="200"'))).toBe(true);
    expect(s.find((x) => x.name === "churnops_pipeline_runs" && x.labels === '{pipeline="train-synthetic",status="succeeded"}')!.value).toBeGreaterThanOrEqual(3);
    const auc = s.find((x) => x.name === "churnops_model_champion_metric" && x.labels === `{model="${LINEAR}",metric="roc_auc"}`)!;
    expect(auc.value).toBeGreaterThan(0.5);
    expect(auc.value).toBeLessThanOrEqual(1);
    expect(text).toMatch(/# TYPE churnops_http_request_duration_seconds histogram/);
  });

  it("reads the latest drift share and max PSI per dataset from monitoring.drift_runs", async () => {
    const row = (share: number, psi: number, status: string, daysAgo: number) =>
      query(
        `INSERT INTO monitoring.drift_runs (run_id, dataset, reference_rows, current_rows, columns, drifted_columns, drifted_share, share_threshold, dataset_drift, max_psi, status, created_at)
         VALUES (gen_random_uuid(), 'api-test-ds', 100, 100, 10, $1, $2, 0.5, $3, $4, $5, now() - make_interval(days => $6))`,
        [Math.round(share * 10), share, share >= 0.5, psi, status, daysAgo],
      );
    try {
      await row(0.1, 0.05, "pass", 2);
      await row(0.6, 0.31, "fail", 1);
      await new Promise((r) => setTimeout(r, 1100)); // the scrape snapshot is reused for 1 s
      const s = samples(await (await get(metricsRoute, "/metrics")).text());
      expect(s.find((x) => x.name === "churnops_drift_share" && x.labels === '{dataset="api-test-ds"}')!.value).toBe(0.6);
      expect(s.find((x) => x.name === "churnops_drift_max_psi" && x.labels === '{dataset="api-test-ds"}')!.value).toBe(0.31);
      expect(s.find((x) => x.name === "churnops_drift_last_run_timestamp_seconds" && x.labels === '{dataset="api-test-ds",status="fail"}')).toBeDefined();
    } finally {
      await query("DELETE FROM monitoring.drift_runs WHERE dataset = 'api-test-ds'");
    }
  });

  it("needs the token when one is set: 401 JSON for scrapers, not a login redirect", async () => {
    setEnv({ CHURNOPS_ADMIN_TOKEN: TOKEN });
    const res = await get(metricsRoute, "/metrics");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "UNAUTHORIZED" });
    expect((await get(metricsRoute, "/metrics", { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});
