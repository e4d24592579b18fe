import { describe, expect, it } from "vitest";
import { expectedConfusionMatrix } from "./expected-confusion-matrix.ts";

describe("expectedConfusionMatrix", () => {
  it("sums p and 1 − p on each side of the threshold (hand-computed four-row case)", () => {
    // Predicted positive (p ≥ 0.5): 0.9, 0.6 → E[TP] = 1.5, E[FP] = 0.1 + 0.4 = 0.5.
    // Predicted negative: 0.4, 0.2 → E[FN] = 0.6, E[TN] = 0.6 + 0.8 = 1.4.
    const m = expectedConfusionMatrix([0.9, 0.6, 0.4, 0.2], 0.5);
    expect(m.tp).toBeCloseTo(1.5, 15);
    expect(m.fp).toBeCloseTo(0.5, 15);
    expect(m.fn).toBeCloseTo(0.6, 15);
    expect(m.tn).toBeCloseTo(1.4, 15);
  });

  it("counts a probability equal to the threshold as predicted positive, like lib/ml confusionMatrix", () => {
    expect(expectedConfusionMatrix([0.5], 0.5)).toEqual({ tp: 0.5, fp: 0.5, tn: 0, fn: 0 });
  });

  it("adds up to the row count, with E[TP] + E[FN] = Σ p", () => {
    const p = [0.05, 0.31, 0.77, 0.99, 0.42, 0.6];
    const m = expectedConfusionMatrix(p, 0.4);
    expect(m.tp + m.fp + m.fn + m.tn).toBeCloseTo(6, 12);
    expect(m.tp + m.fn).toBeCloseTo(p.reduce((s, v) => s + v, 0), 12);
  });

  it("throws a RangeError on no rows, a probability outside [0, 1] or a NaN threshold", () => {
    expect(() => expectedConfusionMatrix([])).toThrow(RangeError);
    expect(() => expectedConfusionMatrix([0.2, 1.2])).toThrow(RangeError);
    expect(() => expectedConfusionMatrix([0.2, Number.NaN])).toThrow(RangeError);
    expect(() => expectedConfusionMatrix([0.2], Number.NaN)).toThrow(RangeError);
  });
});
