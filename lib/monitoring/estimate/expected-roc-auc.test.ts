import { describe, expect, it } from "vitest";
import { estimateReference } from "./__fixtures__/estimate-reference.ts";
import { expectedRocAuc } from "./expected-roc-auc.ts";

const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("expectedRocAuc", () => {
  it("equals scikit-learn's roc_auc_score on rows weighted p (positive) and 1 − p (negative), ties included, to 1e-9", () => {
    expect(estimateReference.roc_auc.length).toBe(3);
    for (const c of estimateReference.roc_auc) {
      const got = expectedRocAuc(c.p, c.scores);
      expect(closeTo(got, c.sklearn_weighted), `${c.name}: ${got} vs ${c.sklearn_weighted}`).toBe(true);
    }
  });

  it("equals NannyML's estimate_roc_auc formula where the scores are distinct", () => {
    const cases = estimateReference.roc_auc.filter((c) => c.nannyml !== null);
    expect(cases.length).toBe(2);
    for (const c of cases) expect(closeTo(expectedRocAuc(c.p, c.scores), c.nannyml!)).toBe(true);
  });

  it("ranks by the probabilities when no scores are given", () => {
    const c = estimateReference.roc_auc[0]!; // scores = p in this case
    expect(expectedRocAuc(c.p)).toBe(expectedRocAuc(c.p, c.scores));
  });

  it("gives 0.8 on the two-row docstring example", () => {
    // Pairs weighted p_i(1 − p_j): (A+, B−) 0.64 ordered; (B+, A−) 0.04 reversed; (A+, A−), (B+, B−) 0.16 each, tied → ½.
    // (0.64 + 0.08 + 0.08) / (Σp · Σ(1 − p)) = 0.8 / 1.
    expect(expectedRocAuc([0.8, 0.2])).toBeCloseTo(0.8, 15);
  });

  it("is 1 − AUC when the ranking is reversed (tied rows still count one half)", () => {
    const c = estimateReference.roc_auc[2]!;
    const reversed = c.scores.map((s) => -s);
    expect(expectedRocAuc(c.p, reversed)).toBeCloseTo(1 - expectedRocAuc(c.p, c.scores), 12);
  });

  it("throws a RangeError with no expected positives or negatives, or bad input", () => {
    expect(() => expectedRocAuc([0, 0, 0])).toThrow("expectedRocAuc needs expected positives and negatives");
    expect(() => expectedRocAuc([1, 1])).toThrow(RangeError);
    expect(() => expectedRocAuc([0.2, 0.4], [1])).toThrow(RangeError);
    expect(() => expectedRocAuc([0.2, 0.4], [1, Number.NaN])).toThrow(RangeError);
  });
});
