import { describe, expect, it } from "vitest";
import { columnMeans } from "../ml/explain/column-means.ts";
import { linearShap } from "../ml/explain/linear-shap.ts";
import { treeShap } from "../ml/tree/tree-shap.ts";
import type { GradientBoostingModel } from "../ml/tree/gradient-boosting-model.ts";
import { loadPredictor } from "./row-predictor.ts";
import { fitSynthetic, syntheticChurnFrame } from "./testing/synthetic-churn.ts";

// Additivity (local accuracy) is exact in real arithmetic; 1e-9 on the log-odds scale leaves room only for the
// rounding of summing a few dozen float64 terms (~1e-15 relative), so a wrong background, a dropped one-hot column
// or a mis-grouped feature fails it.
const TOL = 1e-9;

const frame = syntheticChurnFrame(600, 7);

function expectAdditive(p: ReturnType<ReturnType<typeof loadPredictor>["predict"]>) {
  const c = p.contributions!;
  for (let i = 0; i < p.rows; i++) {
    let sum = c.expectedValue;
    for (let f = 0; f < c.features.length; f++) sum += c.values[f * p.rows + i]!;
    expect(Math.abs(sum - p.raw[i]!), `row ${i}`).toBeLessThan(TOL);
  }
}

describe("loadPredictor", () => {
  it("scores a linear model like the fitted model does, and its contributions add up to the log-odds", () => {
    const { preprocessor, model, artifact } = fitSynthetic(frame, "logistic-regression");
    const predictor = loadPredictor(artifact);
    expect(predictor.family).toBe("logistic-regression");
    expect(predictor.schema.map((f) => f.name)).toEqual(frame.columns.map((c) => c.name));
    const scored = predictor.predict(frame, { contributions: true });
    const x = preprocessor.transform(frame).matrix;
    expect(Array.from(scored.raw)).toEqual(Array.from(model.raw(x)));
    expect(Array.from(scored.probability)).toEqual(Array.from(model.probability(x)));
    expectAdditive(scored);
    // The same numbers training's importances were made of: linearShap against the training means.
    const coef = (artifact.classifier as unknown as { coef: number[]; intercept: number });
    const shap = linearShap(x, coef.coef, coef.intercept, columnMeans(x), preprocessor.columns);
    expect(scored.contributions!.expectedValue).toBeCloseTo(shap.baseValue, 12);
    const plan = scored.contributions!.features.indexOf("plan");
    const planShap = shap.features.indexOf("plan");
    for (let i = 0; i < 20; i++) expect(scored.contributions!.values[plan * frame.rows + i]).toBeCloseTo(shap.values[planShap * frame.rows + i]!, 12);
  });

  it("sums one-hot columns back into one contribution per original feature, in schema order", () => {
    const { artifact } = fitSynthetic(frame, "logistic-regression");
    const scored = loadPredictor(artifact).predict(frame, { contributions: true });
    // plan has free, paid and __missing__ columns; country four countries, __other__ (XX is rare)
    expect(scored.contributions!.features).toEqual(["days_since_last_activity", "active_days_30", "watch_minutes_30", "is_paid", "plan", "country"]);
    expect(scored.contributions!.values).toHaveLength(6 * frame.rows);
  });

  it("stays additive for an older artifact without a stored background (rebuilt from the preprocessing)", () => {
    const { artifact } = fitSynthetic(frame, "logistic-regression", { storeBackground: false });
    expect(artifact.explanation).toBeUndefined();
    const scored = loadPredictor(artifact).predict(frame, { contributions: true });
    expectAdditive(scored);
    // Numeric columns are centred exactly in training, so their contributions equal the stored-background ones.
    const withBackground = loadPredictor(fitSynthetic(frame, "logistic-regression").artifact).predict(frame, { contributions: true });
    const f = scored.contributions!.features.indexOf("days_since_last_activity");
    expect(scored.contributions!.values[f * frame.rows + 3]).toBeCloseTo(withBackground.contributions!.values[f * frame.rows + 3]!, 10);
  });

  it("scores gradient-boosted trees, with TreeSHAP contributions that add up to the log-odds", () => {
    const { preprocessor, model, artifact } = fitSynthetic(frame, "gradient-boosting");
    const predictor = loadPredictor(artifact);
    expect(predictor.family).toBe("gradient-boosting");
    const scored = predictor.predict(frame, { contributions: true });
    const x = preprocessor.transform(frame).matrix;
    expect(Array.from(scored.raw)).toEqual(Array.from(model.raw(x)));
    expectAdditive(scored);
    const shap = treeShap(model as GradientBoostingModel, x, preprocessor.columns);
    expect(scored.contributions!.expectedValue).toBe(shap.baseValue);
  });

  it("scores many rows in one call exactly as one row at a time, and skips explanations unless asked", () => {
    const { artifact } = fitSynthetic(frame, "gradient-boosting");
    const predictor = loadPredictor(artifact);
    const all = predictor.predict(frame);
    expect(all.contributions).toBeUndefined();
    for (const i of [0, 17, 599]) {
      const one = { ...frame, rows: 1, columns: frame.columns.map((c) => ({ ...c, values: c.kind === "categorical" ? [c.values[i]!] : Float64Array.of(c.values[i]!) })) } as typeof frame;
      expect(predictor.predict(one).probability[0]).toBe(all.probability[i]);
    }
  });

  it("refuses an artifact whose preprocessing is not lib/ml's", () => {
    const { artifact } = fitSynthetic(frame, "logistic-regression");
    expect(() => loadPredictor({ ...artifact, preprocessing: { numeric: ["x"] } })).toThrow(/not a version-1 preprocessor/);
  });
});
