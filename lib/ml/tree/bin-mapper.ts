import { sampleIndices, seededRandom } from "../seeded-random.ts";
import type { Matrix } from "../types.ts";

/** Options of fitBinMapper, in scikit-learn's names where it has one. */
export interface BinMapperOptions {
  /** most bins for non-missing values per feature, 2..255 (sklearn `max_bins`, default 255) */
  maxBins?: number;
  /** rows used to find the quantiles (sklearn's `subsample`, default 200,000); more rows are sampled down */
  subsample?: number;
  /** seed of that row sample */
  seed?: number;
}

/**
 * Maps raw feature values to small integer bins, the input of the histogram trees. Feature j has
 * `thresholds[j].length + 1` non-missing bins: value v goes to the first bin b with v ≤ thresholds[j][b] (the last
 * bin when v is above every threshold); a missing value (NaN) goes to `missingBin` = maxBins, the same bin for every
 * feature, so a histogram always has maxBins + 1 slots.
 */
export class BinMapper {
  readonly missingBin: number;

  constructor(
    readonly maxBins: number,
    /** upper edges per feature, strictly increasing */
    readonly thresholds: readonly Float64Array[],
    /** whether the fitting data had a NaN in the feature (only then are "missing goes left" splits tried) */
    readonly hasMissing: Uint8Array,
  ) {
    this.missingBin = maxBins;
  }

  /** Non-missing bins of feature j. */
  binCount(j: number): number {
    return this.thresholds[j]!.length + 1;
  }

  /**
   * Bins every value, column-major like the input (bin of (i, j) at j·rows + i). O(rows·cols·log maxBins).
   * @param out where to write the rows·cols bins (e.g. a SharedArrayBuffer a helper thread reads); default a new array
   * @throws RangeError when the column count differs from the fitted one, or out has another length
   */
  binData(x: Matrix, out?: Uint8Array): Uint8Array {
    const { rows, cols, data } = x;
    if (cols !== this.thresholds.length) {
      throw new RangeError(`BinMapper.binData: x has ${cols} columns, the mapper was fitted on ${this.thresholds.length}`);
    }
    if (out && out.length !== rows * cols) throw new RangeError(`BinMapper.binData: out holds ${out.length} bins, x has ${rows * cols} values`);
    const binned = out ?? new Uint8Array(rows * cols);
    for (let j = 0; j < cols; j++) {
      const edges = this.thresholds[j]!;
      const offset = j * rows;
      const m = edges.length;
      for (let i = 0; i < rows; i++) {
        const v = data[offset + i]!;
        if (v !== v) {
          binned[offset + i] = this.missingBin;
          continue;
        }
        // first b with v <= edges[b] (numpy searchsorted side="left"), m when none
        let lo = 0;
        let hi = m;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (edges[mid]! < v) lo = mid + 1;
          else hi = mid;
        }
        binned[offset + i] = lo;
      }
    }
    return binned;
  }
}

/**
 * Fits the bin edges of every column. With at most maxBins distinct non-missing values the edges are the midpoints
 * between consecutive distinct values (every value gets its own bin); otherwise they are the maxBins − 1 inner
 * quantiles at 100·k/maxBins percent, numpy's "midpoint" percentile, deduplicated (a repeated edge would only make an
 * empty bin). Quantiles come from a seeded sample of `subsample` rows when there are more.
 *
 * Reference: scikit-learn `sklearn/ensemble/_hist_gradient_boosting/binning.py` (`_find_binning_thresholds`,
 * `_BinMapper`): same rule, same missing-value bin at index max_bins.
 *
 * O(cols · s log s) with s = min(rows, subsample).
 * @throws RangeError when maxBins is not an integer in [2, 255]
 */
export function fitBinMapper(x: Matrix, options: BinMapperOptions = {}): BinMapper {
  const { maxBins = 255, subsample = 200_000, seed = 0 } = options;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255) {
    throw new RangeError(`fitBinMapper: maxBins = ${maxBins}; need an integer in [2, 255]`);
  }
  const { rows, cols, data } = x;
  const sample = rows > subsample ? sampleIndices(rows, subsample, seededRandom(seed)) : null;
  const thresholds: Float64Array[] = [];
  const hasMissing = new Uint8Array(cols);
  const values = new Float64Array(sample ? sample.length : rows);
  for (let j = 0; j < cols; j++) {
    const offset = j * rows;
    let n = 0;
    if (sample) {
      for (let k = 0; k < sample.length; k++) {
        const v = data[offset + sample[k]!]!;
        if (v === v) values[n++] = v;
      }
      // the sample may miss a rare NaN; the flag is about the whole column
      for (let i = 0; i < rows; i++) if (data[offset + i] !== data[offset + i]) { hasMissing[j] = 1; break; }
    } else {
      for (let i = 0; i < rows; i++) {
        const v = data[offset + i]!;
        if (v === v) values[n++] = v;
        else hasMissing[j] = 1;
      }
    }
    thresholds.push(columnThresholds(values.subarray(0, n).sort(), maxBins));
  }
  return new BinMapper(maxBins, thresholds, hasMissing);
}

/** Bin edges of one sorted column (see fitBinMapper). */
export function columnThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  let distinct = 1;
  for (let i = 1; i < n && distinct <= maxBins; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const edges: number[] = [];
  if (distinct <= maxBins) {
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) edges.push((sorted[i - 1]! + sorted[i]!) / 2);
  } else {
    for (let k = 1; k < maxBins; k++) {
      // numpy percentile(method="midpoint"): mean of the two order statistics around position q·(n − 1)
      const position = (k / maxBins) * (n - 1);
      const edge = (sorted[Math.floor(position)]! + sorted[Math.ceil(position)]!) / 2;
      if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
    }
  }
  return Float64Array.from(edges);
}
