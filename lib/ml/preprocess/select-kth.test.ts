import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { medianInPlace, selectKth } from "./select-kth.ts";

describe("selectKth", () => {
  it("returns the k-th smallest and partitions around it, with and without duplicates", () => {
    const random = mulberry32(5);
    for (const distinct of [3, 50, 1e9]) {
      for (const n of [1, 2, 7, 100, 1001]) {
        const values = Float64Array.from({ length: n }, () => Math.floor(random() * distinct));
        const sorted = values.slice().sort();
        const k = Math.floor(random() * n);
        const copy = values.slice();
        expect(selectKth(copy, n, k)).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(copy[i]).toBeLessThanOrEqual(copy[k]);
        for (let i = k + 1; i < n; i++) expect(copy[i]).toBeGreaterThanOrEqual(copy[k]);
        expect(copy.slice().sort()).toEqual(sorted); // a permutation
      }
    }
  });
});

describe("medianInPlace", () => {
  it("matches numpy.median: middle value, or the mean of the two middle values", () => {
    // numpy 2.4.6: np.median([3, 1, 2]) = 2.0; np.median([4, 1, 3, 2]) = 2.5; np.median([5, 5, 1, 9]) = 5.0
    expect(medianInPlace(Float64Array.from([3, 1, 2]), 3)).toBe(2);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]), 4)).toBe(2.5);
    expect(medianInPlace(Float64Array.from([5, 5, 1, 9]), 4)).toBe(5);
    expect(medianInPlace(Float64Array.from([7, 99]), 1)).toBe(7); // only the first `length` values count
    expect(medianInPlace(new Float64Array(0), 0)).toBeNaN();
  });
});
