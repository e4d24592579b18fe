import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import type { DesignColumn, Matrix } from "../types.ts";
import { fitPreprocessor } from "../preprocess/fit-preprocessor.ts";
import { columnMeans } from "./column-means.ts";
import { linearExplainer, linearShap } from "./linear-shap.ts";
import { meanAbsShap } from "./mean-abs-shap.ts";
import { sampleShapRows } from "./sample-shap-rows.ts";

// A numeric feature "a" and a one-hot feature "b" with two levels.
const columns: DesignColumn[] = [
  { name: "a", source: "a" },
  { name: "b=x", source: "b" },
  { name: "b=y", source: "b" },
];
const weights = [2, -1, 0.5];
const intercept = 0.3;
const background = [1, 0, 0.5];

describe("linearShap", () => {
  it("matches a hand-computed example", () => {
    // Row x = (3, 1, 0): φ_a = 2·(3 − 1) = 4; φ_b = −1·(1 − 0) + 0.5·(0 − 0.5) = −1.25;
    // base = 0.3 + 2·1 + (−1)·0 + 0.5·0.5 = 2.55; margin = 0.3 + 6 − 1 + 0 = 5.3 = 2.55 + 4 − 1.25.
    const matrix: Matrix = { rows: 1, cols: 3, data: Float64Array.from([3, 1, 0]) };
    const shap = linearShap(matrix, weights, intercept, background, columns);
    expect(shap.features).toEqual(["a", "b"]);
    expect(shap.baseValue).toBeCloseTo(2.55, 15);
    expect(Array.from(shap.values)).toEqual([4, -1.25]);
  });

  it("a prepared explainer answers in the order it was given, with 0 for a feature without design columns", () => {
    const explainer = linearExplainer(weights, intercept, background, columns, ["b", "unused", "a"]);
    const matrix: Matrix = { rows: 2, cols: 3, data: Float64Array.from([3, 1, 1, 0, 0, 1]) };
    const shap = explainer.explain(matrix);
    const plain = linearShap(matrix, weights, intercept, background, columns);
    expect(shap.features).toEqual(["b", "unused", "a"]);
    expect(shap.baseValue).toBe(plain.baseValue);
    // feature-major: b for rows 0 and 1, then unused, then a (plain is a, b)
    expect(Array.from(shap.values)).toEqual([...plain.values.subarray(2, 4), 0, 0, ...plain.values.subarray(0, 2)]);
    expect(() => linearExplainer(weights, intercept, background, columns, ["a"])).toThrow(/"b=x" comes from "b"/);
    expect(() => explainer.explain({ rows: 1, cols: 2, data: new Float64Array(2) })).toThrow(RangeError);
  });

  it("is additive: base + Σφ equals the raw margin to 1e-9 on random data", () => {
    const random = mulberry32(77);
    const rows = 500;
    const cols = 12;
    const design: DesignColumn[] = Array.from({ length: cols }, (_, j) => ({ name: `c${j}`, source: `f${j % 5}` }));
    const data = Float64Array.from({ length: rows * cols }, () => random() * 10 - 5);
    const w = Float64Array.from({ length: cols }, () => random() * 4 - 2);
    w[3] = 0; // an L1-zeroed weight
    const b = -0.7;
    const matrix: Matrix = { rows, cols, data };
    const shap = linearShap(matrix, w, b, columnMeans(matrix), design);
    expect(shap.features).toEqual(["f0", "f1", "f2", "f3", "f4"]);
    let worst = 0;
    for (let i = 0; i < rows; i++) {
      let margin = b;
      for (let j = 0; j < cols; j++) margin += w[j] * data[j * rows + i];
      let total = shap.baseValue;
      for (let f = 0; f < shap.features.length; f++) total += shap.values[f * rows + i];
      worst = Math.max(worst, Math.abs(total - margin));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("averages to zero per feature over the background rows themselves", () => {
    // E[φ_j] = w_j · (E[x_j] − E[x_j]) = 0 when the explained rows are the background.
    const random = mulberry32(8);
    const matrix: Matrix = { rows: 200, cols: 3, data: Float64Array.from({ length: 600 }, () => random()) };
    const shap = linearShap(matrix, weights, intercept, columnMeans(matrix), columns);
    for (let f = 0; f < 2; f++) {
      const mean = shap.values.subarray(f * 200, (f + 1) * 200).reduce((s, v) => s + v, 0) / 200;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
    }
  });

  it("sums one-hot groups and missing indicators of a fitted preprocessor back to the raw features", () => {
    const random = mulberry32(21);
    const n = 300;
    const frame = {
      rows: n,
      columns: [
        { name: "spend", kind: "numeric" as const, values: Float64Array.from({ length: n }, () => (random() < 0.1 ? Number.NaN : random() * 100)) },
        { name: "plan", kind: "categorical" as const, values: Array.from({ length: n }, () => ["free", "pro", "team", null][Math.floor(random() * 4)]) },
      ],
    };
    const p = fitPreprocessor(frame);
    const { matrix, columns: design } = p.transform(frame);
    expect(design.length).toBe(6); // spend, spend__missing, 3 plans + __missing__
    const w = Float64Array.from(design, () => random() * 2 - 1);
    const shap = linearShap(matrix, w, 0.1, columnMeans(matrix), design);
    expect(shap.features).toEqual(["spend", "plan"]);
    for (let i = 0; i < n; i++) {
      let margin = 0.1;
      for (let j = 0; j < design.length; j++) margin += w[j] * matrix.data[j * n + i];
      expect(Math.abs(shap.baseValue + shap.values[i] + shap.values[n + i] - margin)).toBeLessThan(1e-9);
    }
  });

  it("throws a RangeError when weights, means and columns disagree with the matrix", () => {
    const matrix: Matrix = { rows: 1, cols: 3, data: new Float64Array(3) };
    expect(() => linearShap(matrix, [1, 2], 0, background, columns)).toThrow(RangeError);
  });
});

describe("meanAbsShap", () => {
  it("ranks features by mean |φ|", () => {
    // Rows (3,1,0) and (1,0,1): φ_a = 4, 0; φ_b = −1.25, 0.25 → mean |φ| a = 2, b = 0.75.
    const matrix: Matrix = { rows: 2, cols: 3, data: Float64Array.from([3, 1, 1, 0, 0, 1]) };
    const importances = meanAbsShap(linearShap(matrix, weights, intercept, background, columns));
    expect(importances).toEqual([
      { feature: "a", mean_abs_shap: 2 },
      { feature: "b", mean_abs_shap: 0.75 },
    ]);
  });
});

describe("sampleShapRows", () => {
  const random = mulberry32(4);
  const rows = 100;
  const matrix: Matrix = { rows, cols: 3, data: Float64Array.from({ length: 300 }, () => random()) };
  const shap = linearShap(matrix, weights, intercept, background, columns);
  const frame = {
    rows,
    columns: [
      { name: "a", kind: "numeric" as const, values: Float64Array.from({ length: rows }, (_, i) => (i === 7 ? Number.NaN : i)) },
      { name: "b", kind: "categorical" as const, values: Array.from({ length: rows }, (_, i) => (i % 2 ? "x" : null)) },
    ],
  };

  it("samples distinct sorted rows reproducibly, with SHAP and raw values aligned", () => {
    const sample = sampleShapRows(shap, frame, { size: 20, seed: 1 });
    expect(sample.rows).toHaveLength(20);
    expect(new Set(sample.rows).size).toBe(20);
    expect([...sample.rows].sort((a, b) => a - b)).toEqual(sample.rows);
    expect(sampleShapRows(shap, frame, { size: 20, seed: 1 })).toEqual(sample);
    expect(sampleShapRows(shap, frame, { size: 20, seed: 2 }).rows).not.toEqual(sample.rows);
    sample.rows.forEach((i, k) => {
      expect(sample.features[0].shap[k]).toBe(shap.values[i]);
      expect(sample.features[0].value[k]).toBe(i === 7 ? null : i);
      expect(sample.features[1].value[k]).toBe(i % 2 ? "x" : null);
    });
    expect(JSON.parse(JSON.stringify(sample))).toEqual(sample);
  });

  it("maps explained rows to frame rows through rowIndex and takes everything when size exceeds rows", () => {
    const sub = linearShap({ rows: 2, cols: 3, data: Float64Array.from([1, 2, 0, 1, 1, 0]) }, weights, intercept, background, columns);
    const sample = sampleShapRows(sub, frame, { size: 10, seed: 3, rowIndex: Uint32Array.from([40, 41]) });
    expect(sample.rows).toEqual([0, 1]);
    expect(sample.features[0].value).toEqual([40, 41]);
    expect(() => sampleShapRows(sub, frame, { size: 1, seed: 3 })).toThrow(/pass rowIndex/);
  });
});
