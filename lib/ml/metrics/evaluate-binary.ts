import { averagePrecision } from "./average-precision.ts";
import { brierScore } from "./brier-score.ts";
import { type CalibrationBin, calibrationBins } from "./calibration-bins.ts";
import { checkBinaryInput, requireBothClasses } from "./check-binary-input.ts";
import { type Confusion, confusionMatrix } from "./confusion-matrix.ts";
import { cumulativeGains, gainAt, liftAt } from "./cumulative-gains.ts";
import { downsampleCurve } from "./downsample-curve.ts";
import { logLoss } from "./log-loss.ts";
import { prCurve } from "./pr-curve.ts";
import { rocAuc } from "./roc-auc.ts";
import { rocCurve } from "./roc-curve.ts";
import { thresholdMetrics } from "./threshold-metrics.ts";

/** Share of rows the lift/gain headline number is read at ("top 10%"). */
export const TOP_SHARE = 0.1;

/** Test-set report of a binary classifier: plain JSON (numbers, arrays, null), snake_case metric names. */
export interface BinaryReport {
  roc_auc: number;
  pr_auc: number;
  log_loss: number;
  brier: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  confusion: Confusion;
  /** ≤ maxCurvePoints points; thresholds[0] is max score + 1 (nothing predicted positive) */
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  /** ≤ maxCurvePoints points, recall decreasing; the final (recall 0, precision 1) point has threshold null */
  pr: { precision: number[]; recall: number[]; thresholds: (number | null)[] };
  calibration: CalibrationBin[];
  gains: { fraction: number[]; gain: number[]; at_10: number };
  lift_at_10: number;
  positives: number;
  rows: number;
}

/**
 * Every test-set metric churnops shows, in one JSON-serialisable report. Probabilities must be in [0, 1]
 * (Brier and calibration need probabilities, not margins). Curves are thinned to ≤ maxCurvePoints with
 * drop-intermediate (lossless) and then Largest-Triangle-Three-Buckets (shape-preserving), so a 180k-row test set
 * still gives a chart-sized artifact; the headline numbers are computed on the full data.
 *
 * O(n log n): a handful of sorts over the test set.
 *
 * @throws RangeError on invalid input, probabilities outside [0, 1], or a single-class test set
 */
export function evaluateBinary(
  yTrue: ArrayLike<number>,
  probability: ArrayLike<number>,
  options: { threshold?: number; maxCurvePoints?: number } = {},
): BinaryReport {
  const { threshold = 0.5, maxCurvePoints = 200 } = options;
  const input = checkBinaryInput("evaluateBinary", yTrue, probability);
  requireBothClasses("evaluateBinary", input);
  const { labels, scores, positives } = input;

  const confusion = confusionMatrix(labels, scores, threshold);
  const atThreshold = thresholdMetrics(confusion);

  const roc = rocCurve(labels, scores, { dropIntermediate: true });
  const rocPoints = downsampleCurve(roc.fpr, roc.tpr, maxCurvePoints);

  const pr = prCurve(labels, scores, { dropIntermediate: true });
  const prPoints = downsampleCurve(pr.recall, pr.precision, maxCurvePoints);

  const gains = cumulativeGains(labels, scores);
  const gainPoints = downsampleCurve(gains.fraction, gains.gain, maxCurvePoints);

  return {
    roc_auc: rocAuc(labels, scores),
    pr_auc: averagePrecision(labels, scores),
    log_loss: logLoss(labels, scores),
    brier: brierScore(labels, scores),
    accuracy: atThreshold.accuracy,
    precision: atThreshold.precision,
    recall: atThreshold.recall,
    f1: atThreshold.f1,
    threshold,
    confusion,
    roc: {
      fpr: Array.from(rocPoints.x),
      tpr: Array.from(rocPoints.y),
      thresholds: Array.from(rocPoints.indices, (i) => roc.thresholds[i]),
    },
    pr: {
      precision: Array.from(prPoints.y),
      recall: Array.from(prPoints.x),
      thresholds: Array.from(prPoints.indices, (i) => (i < pr.thresholds.length ? pr.thresholds[i] : null)),
    },
    calibration: calibrationBins(labels, scores, 10),
    gains: { fraction: Array.from(gainPoints.x), gain: Array.from(gainPoints.y), at_10: gainAt(gains, TOP_SHARE) },
    lift_at_10: liftAt(gains, TOP_SHARE),
    positives,
    rows: labels.length,
  };
}
