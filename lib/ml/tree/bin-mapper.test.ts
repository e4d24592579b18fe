import { describe, expect, it } from "vitest";
import { columnThresholds, fitBinMapper } from "./bin-mapper.ts";

// Two columns of 400 rows: col 0 = ((i·37) mod 101)/7 with every 9th value missing (101 distinct values), col 1 =
// (i mod 4)·1.5 (4 distinct values), i = 1..400.
function problem() {
  const rows = 400;
  const data = new Float64Array(rows * 2);
  for (let k = 0; k < rows; k++) {
    const i = k + 1;
    data[k] = i % 9 ? ((i * 37) % 101) / 7 : Number.NaN;
    data[rows + k] = (i % 4) * 1.5;
  }
  return { rows, cols: 2, data };
}

describe("fitBinMapper", () => {
  const x = problem();

  it("matches scikit-learn's _BinMapper edges and bins (quantiles, midpoints, missing bin)", () => {
    // Reference: scikit-learn 1.2.1, _BinMapper(n_bins=5, random_state=0).fit(x) on the same matrix →
    // bin_thresholds_ [[3.5714285714285716, 7.142857142857143, 10.714285714285714], [0.75, 2.25, 3.75]],
    // missing_values_bin_idx_ 4; transform(x)[:12] → col 0 [1,2,0,1,3,0,2,3,4,2,0,1], col 1 [1,2,3,0,1,2,3,0,1,2,3,0].
    const mapper = fitBinMapper(x, { maxBins: 4 });
    expect(Array.from(mapper.thresholds[0]!)).toEqual([3.5714285714285716, 7.142857142857143, 10.714285714285714]);
    expect(Array.from(mapper.thresholds[1]!)).toEqual([0.75, 2.25, 3.75]);
    expect(mapper.missingBin).toBe(4);
    expect(Array.from(mapper.hasMissing)).toEqual([1, 0]);
    const binned = mapper.binData(x);
    expect(Array.from(binned.subarray(0, 12))).toEqual([1, 2, 0, 1, 3, 0, 2, 3, 4, 2, 0, 1]);
    expect(Array.from(binned.subarray(400, 412))).toEqual([1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0]);
  });

  it("puts a value equal to an edge in the bin below it (x ≤ edge goes left, numpy searchsorted 'left')", () => {
    const mapper = fitBinMapper({ rows: 3, cols: 1, data: new Float64Array([0, 1, 2]) });
    // midpoints 0.5, 1.5
    expect(Array.from(mapper.binData({ rows: 4, cols: 1, data: new Float64Array([0.5, 1.5, 9, Number.NaN]) }))).toEqual([
      0, 1, 2, 255,
    ]);
  });

  it("writes into a given array (a shared one for the helper thread) the bins it would return", () => {
    const mapper = fitBinMapper({ rows: 3, cols: 1, data: new Float64Array([0, 1, 2]) });
    const x = { rows: 4, cols: 1, data: new Float64Array([0.5, 1.5, 9, Number.NaN]) };
    const out = new Uint8Array(new SharedArrayBuffer(4)).fill(7);
    expect(mapper.binData(x, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(mapper.binData(x)));
    expect(() => mapper.binData(x, new Uint8Array(3))).toThrow(RangeError);
  });

  it("uses the seeded subsample and is deterministic", () => {
    const a = fitBinMapper(x, { maxBins: 16, subsample: 100, seed: 3 });
    const b = fitBinMapper(x, { maxBins: 16, subsample: 100, seed: 3 });
    expect(Array.from(a.thresholds[0]!)).toEqual(Array.from(b.thresholds[0]!));
    expect(a.hasMissing[0]).toBe(1);
  });

  it("rejects maxBins outside [2, 255] and a column count mismatch", () => {
    expect(() => fitBinMapper(x, { maxBins: 256 })).toThrow(RangeError);
    expect(() => fitBinMapper(x).binData({ rows: 1, cols: 1, data: new Float64Array(1) })).toThrow(RangeError);
  });
});

describe("columnThresholds", () => {
  it("takes numpy 'midpoint' percentiles when there are more distinct values than bins", () => {
    // Reference: numpy 1.24  np.percentile(np.arange(1, 11), [25, 50, 75], method="midpoint") → [3.5, 5.5, 7.5]
    expect(Array.from(columnThresholds(Float64Array.from({ length: 10 }, (_, i) => i + 1), 4))).toEqual([3.5, 5.5, 7.5]);
  });

  it("drops repeated quantiles and gives no edge to a constant column", () => {
    expect(Array.from(columnThresholds(new Float64Array([1, 1, 1, 1, 1, 1, 2, 3]), 2))).toEqual([1]);
    expect(columnThresholds(new Float64Array([4, 4, 4]), 255).length).toBe(0);
  });
});
