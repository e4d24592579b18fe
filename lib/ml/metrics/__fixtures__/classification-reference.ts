import { readFileSync } from "node:fs";

/** One case of classification_metrics.json (scikit-learn 1.2.1; see its `about`). */
export interface ClassificationReferenceCase {
  y_true: number[];
  y_score: number[];
  roc_auc: number;
  average_precision: number;
  log_loss: number;
  brier: number;
  roc_curve: { fpr: number[]; tpr: number[]; thresholds: number[] };
  pr_curve: { precision: number[]; recall: number[]; thresholds: number[] };
}

// A committed copy of /work/shared/reference/classification_metrics.json, so tests run from any clone.
export const classificationReference = JSON.parse(
  readFileSync(new URL("./classification_metrics.json", import.meta.url), "utf8"),
) as { about: string; cases: ClassificationReferenceCase[] };

/** |a − b| ≤ 1e-9 · max(1, |b|): the reference README's 1e-9 relative tolerance. */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}
