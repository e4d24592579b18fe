import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rocAuc } from "./roc-auc.ts";

interface ReferenceCase {
  y_true: number[];
  y_score: number[];
  roc_auc: number;
}

// A committed copy of /work/shared/reference/classification_metrics.json (scikit-learn
// 1.2.1 roc_auc_score on three score vectors with ties), so the test runs from any clone.
const reference = JSON.parse(
  readFileSync(new URL("./__fixtures__/classification_metrics.json", import.meta.url), "utf8"),
) as { cases: ReferenceCase[] };

describe("rocAuc", () => {
  it("matches scikit-learn roc_auc_score on every reference case", () => {
    // The fixture holds 3 cases (n = 50, 400, 2000); guard against an empty file passing.
    expect(reference.cases.length).toBe(3);
    for (const c of reference.cases) {
      // 12 decimals: the reference promises 1e-9 relative; U is exact, so we do better.
      expect(rocAuc(c.y_true, c.y_score)).toBeCloseTo(c.roc_auc, 12);
    }
  });

  it("gives 0.75 on the four-point docstring example", () => {
    // Hand count: pairs (pos, neg) = (0.35,0.1)✓ (0.35,0.4)✗ (0.8,0.1)✓ (0.8,0.4)✓ → 3/4.
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it("gives 1 − AUC when the scores are reversed", () => {
    for (const c of reference.cases) {
      const reversed = c.y_score.map((s) => -s);
      // Negating scores swaps every strict win/loss and leaves ties at 1/2.
      expect(rocAuc(c.y_true, reversed)).toBeCloseTo(1 - c.roc_auc, 12);
    }
  });

  it("counts a tied positive–negative pair as one half", () => {
    // One pair, tied: U = 1/2, n₊·n₋ = 1.
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    // Pairs: (0.9 vs 0.2) = 1, (0.9 vs 0.9) = ½ → 1.5 / 2.
    expect(rocAuc([0, 0, 1], [0.2, 0.9, 0.9])).toBe(0.75);
  });

  it("accepts typed arrays", () => {
    expect(rocAuc(new Uint8Array([0, 0, 1, 1]), new Float64Array([0.1, 0.4, 0.35, 0.8]))).toBe(
      0.75,
    );
  });

  it("throws a RangeError when only one class is present", () => {
    expect(() => rocAuc([1, 1, 1], [0.1, 0.2, 0.3])).toThrow(RangeError);
    expect(() => rocAuc([0, 0], [0.1, 0.2])).toThrow("rocAuc needs both classes in yTrue");
  });

  it("throws a RangeError on mismatched lengths, empty input, non-binary labels or NaN", () => {
    expect(() => rocAuc([0, 1], [0.1])).toThrow(RangeError);
    expect(() => rocAuc([], [])).toThrow(RangeError);
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(RangeError);
    expect(() => rocAuc([0, 1], [0.1, Number.NaN])).toThrow(RangeError);
  });
});
