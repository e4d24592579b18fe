import { averagePrecision, rocAuc, type BinaryReport } from "../../ml/index.ts";

/** The validation score of a primary metric: the search maximises it and promotion compares it. */
export function primaryScore(metric: "roc_auc" | "pr_auc"): (y: ArrayLike<number>, p: ArrayLike<number>) => number {
  return metric === "pr_auc" ? averagePrecision : rocAuc;
}

/** The scalar test-set metrics printed under `test` (curves stay in the registry). */
export function testMetrics(report: BinaryReport) {
  return {
    roc_auc: report.roc_auc,
    pr_auc: report.pr_auc,
    log_loss: report.log_loss,
    brier: report.brier,
    accuracy: report.accuracy,
    precision: report.precision,
    recall: report.recall,
    f1: report.f1,
    threshold: report.threshold,
    lift_at_10: report.lift_at_10,
    rows: report.rows,
    positives: report.positives,
  };
}
