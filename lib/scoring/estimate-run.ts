import { query } from "../db/sql.ts";
import { estimatePerformance, type PerformanceEstimate } from "../monitoring/estimate/estimate-performance.ts";
import { calibratedProbability } from "../registry/calibrated-probability.ts";
import type { ModelArtifact } from "../registry/types.ts";

// Churn labels arrive 30 days (e-learning) or a quarter (wallet) after scoring, so each scoring run also says what
// performance to expect now: CBPE (NannyML) on the champion's calibrated probabilities. Calibration is what makes
// this honest: an over-confident model would estimate its own accuracy too high.

/** Monte-Carlo label draws for the bands: fewer for big runs (the band edges get noisier, not wider). */
const samplesFor = (rows: number) => (rows > 50_000 ? 100 : 500);

export interface RunEstimate extends PerformanceEstimate {
  /** how the probabilities were calibrated before estimating ("none": the classifier's own probabilities) */
  calibration: string;
}

/** The expected confusion matrix (at 0.5), ROC-AUC and precision@K of a scoring run, each with a 95% band. */
export async function estimateRun(runId: string, artifact: Pick<ModelArtifact, "calibration">, k: number): Promise<RunEstimate | null> {
  const rows = await query<{ p: number }>("SELECT probability AS p FROM ops.predictions WHERE run_id = $1 ORDER BY rank", [runId]);
  if (rows.length === 0) return null;
  const scores = Float64Array.from(rows, (r) => r.p);
  // The stored probability is sigmoid(margin); its logit gives the margin back for the calibrator (clamped at the ends).
  const raw = scores.map((p) => Math.log(Math.max(p, 1e-300) / Math.max(1 - p, 1e-300)));
  const calibrated = calibratedProbability(artifact, raw);
  const estimate = estimatePerformance(calibrated, { scores, k, samples: samplesFor(scores.length) });
  return { ...estimate, calibration: artifact.calibration?.method ?? "none" };
}
