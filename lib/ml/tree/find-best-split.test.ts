import { describe, expect, it } from "vitest";
import { findBestSplit, leafScore } from "./find-best-split.ts";

/** A one-feature histogram from [gradient, hessian, count] per bin (the missing bin last). */
const histogram = (bins: [number, number, number][]) => Float64Array.from(bins.flat());

describe("findBestSplit", () => {
  it("finds the hand-computed best split and gain with L2 regularisation", () => {
    // Bins (g, h, n): (−2,1,2) (−1,1,2) (1,1,2) (2,1,2), missing bin empty; G = 0, H = 4, λ = 1.
    // By hand, gain(b) = G_L²/(H_L+1) + G_R²/(H_R+1) − 0:
    //   b=0: 4/2 + 4/4 = 3;  b=1: 9/3 + 9/3 = 6;  b=2: 4/4 + 4/2 = 3  → bin 1, gain 6.
    const hist = histogram([[-2, 1, 2], [-1, 1, 2], [1, 1, 2], [2, 1, 2], [0, 0, 0]]);
    const split = findBestSplit(hist, 5, [4], [0], 0, 4, 8, { minSamplesLeaf: 1, minHessian: 1e-3, l2: 1 });
    expect(split).not.toBeNull();
    expect(split!.feature).toBe(0);
    expect(split!.bin).toBe(1);
    expect(split!.gain).toBeCloseTo(6, 12);
    expect([split!.gradientLeft, split!.hessianLeft, split!.countLeft]).toEqual([-3, 2, 4]);
  });

  it("returns null when min_samples_leaf leaves no candidate", () => {
    // with 5 rows per side required, no cut of 2+2+2+2 rows works
    const hist = histogram([[-2, 1, 2], [-1, 1, 2], [1, 1, 2], [2, 1, 2], [0, 0, 0]]);
    expect(findBestSplit(hist, 5, [4], [0], 0, 4, 8, { minSamplesLeaf: 5, minHessian: 1e-3, l2: 1 })).toBeNull();
  });

  it("sends missing values left when that scores best (right-to-left scan)", () => {
    // Bins (g,h,n): (−2,1,2) (2,1,2), missing (−2,1,2); G = −2, H = 3, λ = 0; parent score 4/3. By hand:
    //   missing right, b=0: 4 + 0 − 4/3 = 8/3;  b=1 (non-missing | missing): 0 + 4 − 4/3 = 8/3
    //   missing left,  b=0: (−4)²/2 + 2²/1 − 4/3 = 32/3  → bin 0, missing left, gain 32/3.
    const hist = histogram([[-2, 1, 2], [2, 1, 2], [-2, 1, 2]]);
    const split = findBestSplit(hist, 3, [2], [1], -2, 3, 6, { minSamplesLeaf: 1, minHessian: 1e-3, l2: 0 });
    expect(split!.missingLeft).toBe(true);
    expect(split!.bin).toBe(0);
    expect(split!.gain).toBeCloseTo(32 / 3, 12);
    expect([split!.gradientLeft, split!.hessianLeft, split!.countLeft]).toEqual([-4, 2, 4]);
  });

  it("can split missing values from all others (split on NaN)", () => {
    // Bins (−1,1,2) (1,1,2), missing (−4,1,2); G = −4, H = 3. Missing right at b=1: 0 + 16 − 16/3 = 32/3;
    // missing left at b=0: (−5)²/2 + 1 − 16/3 = 49/6 < 32/3.
    const hist = histogram([[-1, 1, 2], [1, 1, 2], [-4, 1, 2]]);
    const split = findBestSplit(hist, 3, [2], [1], -4, 3, 6, { minSamplesLeaf: 1, minHessian: 1e-3, l2: 0 });
    expect(split!.bin).toBe(1);
    expect(split!.missingLeft).toBe(false);
    expect(split!.gain).toBeCloseTo(32 / 3, 12);
  });

  it("scores a leaf as G²/(H + λ)", () => {
    expect(leafScore(-3, 2, 1)).toBe(3);
  });
});
