import type { PerformanceRunView } from "../../monitoring-pages/performance-runs.ts";
import type { EstimatedMetric } from "../../monitoring-pages/run-estimate.ts";
import type { SegmentGap } from "../../monitoring-pages/segment-metric-view.ts";

// Display text and chart points of estimated vs realised performance. Pure and deterministic (no locale), for
// server and client components alike.

/** A metric in [0, 1] with 3 decimals ("0.812"); "—" when missing. */
export function formatMetric(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(3);
}

/** "0.812 (0.780–0.840)": an estimate and its band; the estimate alone when the band has no edges. */
export function formatEstimate(e: EstimatedMetric | null | undefined): string {
  if (!e) return "—";
  return e.lower === null || e.upper === null ? formatMetric(e.estimate) : `${formatMetric(e.estimate)} (${formatMetric(e.lower)}–${formatMetric(e.upper)})`;
}

const CALIBRATION: Record<string, string> = { platt: "Platt scaling", isotonic: "isotonic regression", none: "none" };

/** A stored calibration method for people ("platt" → "Platt scaling"); unknown ones as they are. */
export function calibrationName(method: string | null | undefined): string {
  return method ? (CALIBRATION[method] ?? method) : "not recorded";
}

/** When a dataset's churn labels exist, so its realised performance can be computed. */
export function labelTiming(dataset: string): string {
  if (dataset === "elearning") return "for E-learning 30 days after the scored day (the churn label needs the 30 days that follow)";
  if (dataset === "wallet") return "for the wallet at once, from the export's EVALUATE file";
  return "for an uploaded table at once when the scored rows carry its target column (a new file without it has no labels)";
}

/** Why a segment has counts but no metrics, said in the cells instead of blanks. */
export function segmentGapText(gap: SegmentGap): string {
  return gap === "too-few-rows" ? "too few rows" : gap === "one-class" ? "one class only" : "";
}

/**
 * The chart card's description: what the estimate is (CBPE on calibrated probabilities, the latest run's method),
 * what the band means, and when the realised values come.
 */
export function performanceDescription(opts: { dataset: string; calibration: string | null; level: number | null; anyEstimate: boolean; anyRealised: boolean }): string {
  const level = `${Math.round((opts.level ?? 0.95) * 100)}%`;
  const calibrated =
    opts.calibration === "none"
      ? "the latest run's probabilities are the model's own (it saved no calibrator), so the estimate is only as good as they are"
      : `the latest run's are calibrated with ${calibrationName(opts.calibration)}`;
  const estimate = opts.anyEstimate
    ? `The line is estimated before any label exists with CBPE (confidence-based performance estimation, as in NannyML) from each scoring run's calibrated churn probabilities; ${calibrated}. The shaded band is where the realised value should fall ${level} of the time if those probabilities are right. `
    : "No run of this dataset stored an estimate (runs scored before estimates existed, or that scored no rows, have none). ";
  const realised = `Realised values (dots) appear once labels arrive: ${labelTiming(opts.dataset)}.${opts.anyRealised ? "" : " None has arrived yet."}`;
  return estimate + realised;
}

/** One scoring run on the chart: epoch ms, the estimate and its band (null where there is none), the realised value. */
export interface PerformancePoint {
  t: number;
  estimate: number | null;
  band: [number, number] | null;
  realised: number | null;
}

const point = (t: number, e: EstimatedMetric | null | undefined, realised: number | null | undefined): PerformancePoint => ({
  t,
  estimate: e?.estimate ?? null,
  band: e && e.lower !== null && e.upper !== null ? [e.lower, e.upper] : null,
  realised: realised ?? null,
});

/** Chart points of both metrics, oldest first, from runs given newest first. */
export function performancePoints(runs: readonly PerformanceRunView[]): { rocAuc: PerformancePoint[]; precisionAtK: PerformancePoint[] } {
  const oldestFirst = [...runs].reverse();
  return {
    rocAuc: oldestFirst.map((r) => point(Date.parse(r.createdAt), r.estimate?.rocAuc, r.realised?.rocAuc)),
    precisionAtK: oldestFirst.map((r) => point(Date.parse(r.createdAt), r.estimate?.precisionAtK, r.realised?.precisionAtK)),
  };
}

/** A y-axis domain inside [0, 1] that fits every value with a margin, on tenths (so AUCs near 0.8 are not squashed). */
export function metricDomain(points: readonly PerformancePoint[]): [number, number] {
  const values = points.flatMap((p) => [p.estimate, p.realised, ...(p.band ?? [])]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  // ± 1e-9: (0.65 + 0.05) * 10 is 7.000000000000001 in floating point, which must not round up to 0.8.
  const lo = Math.max(0, Math.floor((Math.min(...values) - 0.05) * 10 + 1e-9) / 10);
  const hi = Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 10 - 1e-9) / 10);
  return [lo, hi];
}
