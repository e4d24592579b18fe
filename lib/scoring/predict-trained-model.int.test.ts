import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as predictRoute } from "../../app/api/predict/route.ts";
import { resetEnvCache } from "../env.ts";
import { customerFeatureRow } from "../features/customer-feature-row.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { getRunDetail } from "../pipelines/run-queries.ts";
import { startRun } from "../pipelines/start-run.ts";
import { getModelVersion, readModelArtifact } from "../registry/index.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv } from "../sources/tabular/testing.ts";
import type { PredictResponse } from "./predict-schemas.ts";

// A model trained by the real train-table pipeline (an uploaded Telco-like CSV with a date column), then scored through
// POST /api/predict with a customer looked up from the loaded rows: the artifact carries the SHAP background the
// training importances used, dates are aged at the request's as-of day, and contributions add up to the log-odds.

const MODEL = "table-predict_trained";
let modelName = MODEL;

beforeAll(async () => {
  process.env.CHURNOPS_BOUND_HOST = "127.0.0.1";
  resetEnvCache();
  const { version } = await createDatasetVersionFromUpload(churnCsv(400), { name: "Predict trained", fileName: "predict-trained.csv" });
  await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
  const { runId: loadRun } = await startTabularLoad(version.id, "cli", "inline");
  expect(await runLocally(loadRun)).toMatchObject({ status: "succeeded" });
  const { runId } = await startRun("train-table", { dataset: "predict_trained" }, "cli", "inline");
  await runLocally(runId);
  const run = (await getRunDetail(runId))!;
  if (run.status !== "succeeded") throw new Error(`train-table ${run.status}: ${run.errorMessage}`);
  modelName = (run.steps.at(-1)!.output as { model: string }).model;
});
afterAll(() => {
  delete process.env.CHURNOPS_BOUND_HOST;
  resetEnvCache();
});

const predict = (body: unknown) => predictRoute(new Request("http://127.0.0.1/api/predict", { method: "POST", body: JSON.stringify(body) }));

describe("a trained model through POST /api/predict", () => {
  it("stores the training background with the artifact (linear models) so scoring explains rows as training did", async () => {
    expect(modelName).toBe(MODEL);
    const artifact = await readModelArtifact((await getModelVersion(MODEL, 1))!.artifactKey);
    if (artifact.family === "gradient-boosting") expect(artifact.explanation).toBeUndefined();
    else expect(artifact.explanation!.backgroundMean).toHaveLength((artifact.preprocessing as { columns: unknown[] }).columns.length);
  });

  it("scores a customer looked up by id, with a date feature aged at asOf, and additive contributions", async () => {
    const features = (await readModelArtifact((await getModelVersion(MODEL, 1))!.artifactKey)).featureSchema as { name: string; kind: "numeric" | "categorical" | "date" | "boolean" }[];
    const customer = (await customerFeatureRow("table:predict_trained", "C10008", features))!;
    expect(customer).toMatchObject({ entityId: "C10008", asOf: null, source: "dataset predict_trained v1" });
    // churnRow(8): tenure 8, Contract "Two year" (8 % 3 = 2), SignupDate 2023-09-09
    expect(customer.row).toMatchObject({ tenure: 8, contract: "Two year", signupdate: "2023-09-09" });
    expect(await customerFeatureRow("table:predict_trained", "nobody", features)).toBeNull();

    const at = (asOf: string) => predict({ model: MODEL, row: customer.row, asOf }).then(async (r) => {
      expect(r.status).toBe(200);
      return (await r.json()) as PredictResponse;
    });
    const body = await at("2024-01-01");
    const p = body.predictions[0]!;
    expect(p.probability).toBeGreaterThan(0);
    expect(p.probability).toBeLessThan(1);
    expect(Math.abs(p.contributions!.reduce((s, c) => s + c.value, p.expectedValue!) - p.raw)).toBeLessThan(1e-9);
    expect(p.contributions!.map((c) => c.feature)).toContain("signupdate");
    // A later as-of day makes the signup older: only the date's contribution can move.
    const later = (await at("2025-06-01")).predictions[0]!;
    const moved = later.contributions!.filter((c) => c.value !== p.contributions!.find((d) => d.feature === c.feature)!.value).map((c) => c.feature);
    expect(moved.every((f) => f === "signupdate")).toBe(true);
  });
});
