import { linearQuantile } from "../linear-quantile.ts";
import { checkProbabilities } from "./check-probabilities.ts";
import { expectedConfusionMatrix } from "./expected-confusion-matrix.ts";
import { expectedRocAuc } from "./expected-roc-auc.ts";
import { effectiveK, expectedPrecisionAtK } from "./precision-at-k.ts";
import { sampleLabelMetrics } from "./sample-label-metrics.ts";

/** An estimate with its band: the value the realised metric should fall in with probability `level`. */
export interface EstimatedValue {
  estimate: number;
  lower: number;
  upper: number;
}

export interface PerformanceEstimate {
  rows: number;
  /** Σ p: the churners the model expects among these rows */
  expectedPositives: number;
  threshold: number;
  /** expected confusion counts at the threshold (fractional), each with its band */
  confusion: { tp: EstimatedValue; fp: EstimatedValue; fn: EstimatedValue; tn: EstimatedValue };
  /** null when no expected positives or negatives (every p is 0, or every p is 1) */
  rocAuc: EstimatedValue | null;
  /** `k` is the K used (clamped to the rows) */
  precisionAtK: EstimatedValue & { k: number };
  band: { level: number; samples: number; seed: number };
}

export interface EstimateOptions {
  /** the ranking the model acts on (its raw scores); default the probabilities. Use the raw scores with an isotonic calibrator. */
  scores?: ArrayLike<number>;
  /** predicted positive when p ≥ threshold (default 0.5) */
  threshold?: number;
  /** K of precision@K (default 50, the top-K list's default) */
  k?: number;
  /** Monte-Carlo label draws for the bands (default 500) */
  samples?: number;
  /** seed of the draws (default 42): the same run gives the same band */
  seed?: number;
  /** band coverage (default 0.95: the 2.5th and 97.5th percentiles) */
  level?: number;
}

export const ESTIMATE_DEFAULTS = { threshold: 0.5, k: 50, samples: 500, seed: 42, level: 0.95 } as const;

/**
 * Performance estimated before labels arrive, from a scoring run's calibrated churn probabilities (CBPE, as NannyML):
 * the expected confusion matrix at a threshold, the expected ROC-AUC (expectedRocAuc) and the expected precision@K
 * (expectedPrecisionAtK), each with a band.
 *
 * The band is Monte-Carlo (sampleLabelMetrics): `samples` label sets y ~ Bernoulli(p) are drawn with a seeded
 * mulberry32 stream, each one's realised metrics computed, and the band is their (1 − level)/2 and (1 + level)/2
 * percentiles (numpy linear). It is the range the realised value falls in with probability `level` when the
 * probabilities are calibrated: it covers label noise given the probabilities, not calibration error (a
 * miscalibrated model is the drift report's and the realised performance's business). 500 draws place the 2.5%
 * and 97.5% edges within about a tenth of the band's width of their limits; each draw is one O(n) pass.
 *
 * O(samples · n + n log n): 50 ms for 2,000 rows and 5 s for 240,000 rows with the default 500 draws (one 2-core
 * machine); pass fewer `samples` for very large runs (the band's edges get noisier, not wider).
 *
 * @throws RangeError on no rows, a probability outside [0, 1], mismatched scores, K not a positive integer,
 *   samples not a positive integer, or level outside (0, 1)
 */
export function estimatePerformance(probabilities: ArrayLike<number>, options: EstimateOptions = {}): PerformanceEstimate {
  const threshold = options.threshold ?? ESTIMATE_DEFAULTS.threshold;
  const samples = options.samples ?? ESTIMATE_DEFAULTS.samples;
  const seed = options.seed ?? ESTIMATE_DEFAULTS.seed;
  const level = options.level ?? ESTIMATE_DEFAULTS.level;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`estimatePerformance: samples = ${samples} must be a positive integer`);
  if (!(level > 0 && level < 1)) throw new RangeError(`estimatePerformance: level = ${level} must be in (0, 1)`);
  const ranking = checkProbabilities("estimatePerformance", probabilities, options.scores);
  const rows = probabilities.length;
  const k = effectiveK(options.k ?? ESTIMATE_DEFAULTS.k, rows);

  const expected = expectedConfusionMatrix(probabilities, threshold);
  const predictedPositives = countAtLeast(probabilities, threshold);
  const predictedNegatives = rows - predictedPositives;
  const drawn = sampleLabelMetrics(probabilities, ranking, { threshold, k, samples, seed });
  const band = (values: Float64Array) => percentileBand(values, level);
  const tpBand = band(drawn.tp);
  const fnBand = band(drawn.fn);
  const aucBand = band(drawn.rocAuc);
  const expectedPositives = expected.tp + expected.fn;

  return {
    rows,
    expectedPositives,
    threshold,
    confusion: {
      tp: { estimate: expected.tp, ...tpBand },
      // FP = predicted positives − TP, TN = predicted negatives − FN, so their bands mirror TP's and FN's.
      fp: { estimate: expected.fp, lower: predictedPositives - tpBand.upper, upper: predictedPositives - tpBand.lower },
      fn: { estimate: expected.fn, ...fnBand },
      tn: { estimate: expected.tn, lower: predictedNegatives - fnBand.upper, upper: predictedNegatives - fnBand.lower },
    },
    rocAuc: expectedPositives > 0 && expectedPositives < rows && Number.isFinite(aucBand.lower) ? { estimate: expectedRocAuc(probabilities, ranking), ...aucBand } : null,
    precisionAtK: { k, estimate: expectedPrecisionAtK(probabilities, k, ranking), ...band(drawn.precisionAtK) },
    band: { level, samples, seed },
  };
}

function countAtLeast(values: ArrayLike<number>, threshold: number): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >= threshold) count++;
  return count;
}

/** The central `level` band of the finite draws (NaN marks a draw where the metric is undefined); NaN when none. */
function percentileBand(values: Float64Array, level: number): { lower: number; upper: number } {
  const finite = values.filter((v) => !Number.isNaN(v)).sort();
  if (finite.length === 0) return { lower: Number.NaN, upper: Number.NaN };
  const tail = (1 - level) / 2;
  return { lower: linearQuantile(finite, tail), upper: linearQuantile(finite, 1 - tail) };
}
