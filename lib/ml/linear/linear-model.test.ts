import { describe, expect, it } from "vitest";
import type { Matrix } from "../types.ts";
import { LinearModel } from "./linear-model.ts";
import { sigmoid, softplus } from "./sigmoid.ts";

// Two rows, two columns, column-major: row 0 = (1, 2), row 1 = (−3, 0.5).
const x: Matrix = { rows: 2, cols: 2, data: Float64Array.from([1, -3, 2, 0.5]) };

describe("LinearModel", () => {
  it("computes raw = intercept + x·coef row by row", () => {
    const model = new LinearModel(0.5, Float64Array.from([2, -1]));
    // Hand: 0.5 + 2·1 − 1·2 = 0.5;  0.5 + 2·(−3) − 1·0.5 = −6.
    expect(Array.from(model.raw(x))).toEqual([0.5, -6]);
  });

  it("gives probability = sigmoid(raw)", () => {
    const model = new LinearModel(0.5, Float64Array.from([2, -1]));
    const p = model.probability(x);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(6)), 15);
  });

  it("round-trips through JSON with identical predictions", () => {
    const model = new LinearModel(-0.1, Float64Array.from([0.1 + 0.2, 1 / 3]), undefined, undefined, ["a", "b"]);
    const back = LinearModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(back.coef)).toEqual(Array.from(model.coef));
    expect(back.featureNames).toEqual(["a", "b"]);
    expect(Array.from(back.probability(x))).toEqual(Array.from(model.probability(x)));
  });

  it("rejects a matrix with the wrong number of columns and JSON of another family", () => {
    const model = new LinearModel(0, Float64Array.from([1, 2, 3]));
    expect(() => model.raw(x)).toThrow(RangeError);
    expect(() => LinearModel.fromJSON({ family: "tree" })).toThrow(RangeError);
    expect(() => LinearModel.fromJSON({ family: "logistic-regression", intercept: 0, coef: ["1"] })).toThrow(RangeError);
  });
});

describe("sigmoid", () => {
  it("is finite and exact at extreme margins", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-800)).toBe(0); // e^−800 underflows to 0: no Infinity/Infinity = NaN
    expect(sigmoid(800)).toBe(1);
    // Reference: Python 1/(1+math.exp(40)) -> 4.248354255291589e-18 (below float spacing at 1, so 1 − sigmoid(40) loses it).
    expect(sigmoid(-40)).toBeCloseTo(4.248354255291589e-18, 30);
  });

  it("satisfies sigmoid(−z) = 1 − sigmoid(z)", () => {
    for (const z of [-5, -0.3, 0.7, 3]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 15);
  });
});

describe("softplus", () => {
  it("is log(1 + e^z) without overflow", () => {
    expect(softplus(0)).toBe(Math.LN2);
    expect(softplus(1000)).toBe(1000); // naive Math.log(1 + Math.exp(1000)) is Infinity
    // Reference: Python math.log1p(math.exp(-30)) -> 9.357622968839737e-14
    expect(softplus(-30)).toBeCloseTo(9.357622968839737e-14, 27);
    expect(softplus(2)).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
  });
});
