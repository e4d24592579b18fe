import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { referenceModel, referenceRows, treeShapReference } from "./__fixtures__/reference-trees.ts";
import { fitGradientBoosting } from "./fit-gradient-boosting.ts";
import { treeShap } from "./tree-shap.ts";

describe("treeShap", () => {
  const model = referenceModel(treeShapReference);
  const x = referenceRows(treeShapReference);

  it("reproduces scikit-learn's raw scores with our evaluator (missing values included)", () => {
    // Reference: treeshap.json raw_score = sklearn 1.2.1 decision_function; the file promises 1e-9.
    expect(x.rows).toBe(9);
    expect(treeShapReference.rows.some((r) => r.includes(null))).toBe(true);
    const raw = model.raw(x);
    treeShapReference.raw_score.forEach((s, i) => expect(Math.abs(raw[i]! - s)).toBeLessThan(1e-9));
  });

  it("equals the brute-force path-dependent Shapley values and expected value to 1e-9", () => {
    // Reference: treeshap.json shap / expected_value (brute force over all 2^5 subsets, see its `about`).
    const shap = treeShap(model, x);
    expect(Math.abs(shap.baseValue - treeShapReference.expected_value)).toBeLessThan(1e-9);
    expect(shap.features).toEqual(["x0", "x1", "x2", "x3", "x4"]);
    for (let i = 0; i < x.rows; i++) {
      for (let f = 0; f < x.cols; f++) {
        expect(Math.abs(shap.values[f * x.rows + i]! - treeShapReference.shap[i]![f]!)).toBeLessThan(1e-9);
      }
    }
  });

  it("is additive on a fitted model with missing values: baseValue + Σφ = raw to 1e-9", () => {
    const random = mulberry32(7);
    const rows = 600;
    const cols = 6;
    const data = new Float64Array(rows * cols);
    for (let k = 0; k < data.length; k++) data[k] = random() < 0.1 ? Number.NaN : random() * 2 - 1;
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const a = data[i]!;
      const b = data[rows + i]!;
      y[i] = (a !== a ? 1 : a * b > 0 ? 1 : 0) ^ (random() < 0.1 ? 1 : 0);
    }
    const fitted = fitGradientBoosting({ rows, cols, data }, y, { maxIter: 20, maxDepth: 5, minSamplesLeaf: 5 });
    const probe = { rows: 50, cols, data: new Float64Array(50 * cols) };
    for (let j = 0; j < cols; j++) probe.data.set(data.subarray(j * rows, j * rows + 50), j * 50);
    const shap = treeShap(fitted, probe);
    const raw = fitted.raw(probe);
    for (let i = 0; i < probe.rows; i++) {
      let sum = shap.baseValue;
      for (let f = 0; f < cols; f++) sum += shap.values[f * probe.rows + i]!;
      expect(Math.abs(sum - raw[i]!)).toBeLessThan(1e-9);
    }
  });

  it("sums design columns that share a source", () => {
    const columns = ["a", "b", "b", "c", "d"].map((source, j) => ({ name: `c${j}`, source }));
    const grouped = treeShap(model, x, columns);
    const plain = treeShap(model, x);
    expect(grouped.features).toEqual(["a", "b", "c", "d"]);
    for (let i = 0; i < x.rows; i++) {
      expect(grouped.values[1 * x.rows + i]).toBeCloseTo(plain.values[1 * x.rows + i]! + plain.values[2 * x.rows + i]!, 12);
    }
  });
});
