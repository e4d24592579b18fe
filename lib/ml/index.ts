// Public surface of lib/ml: pure functions on typed arrays. One export line per module, so branches that add
// modules (solvers, search, tree models) merge by adding lines.
export * from "./types.ts";
export * from "./random.ts";

export * from "./metrics/accuracy.ts";
export * from "./metrics/average-precision.ts";
export * from "./metrics/brier-score.ts";
export * from "./metrics/calibration-bins.ts";
export * from "./metrics/confusion-matrix.ts";
export * from "./metrics/cumulative-gains.ts";
export * from "./metrics/downsample-curve.ts";
export * from "./metrics/evaluate-binary.ts";
export * from "./metrics/log-loss.ts";
export * from "./metrics/pr-curve.ts";
export * from "./metrics/roc-auc.ts";
export * from "./metrics/roc-curve.ts";
export * from "./metrics/threshold-metrics.ts";

export * from "./preprocess/fit-preprocessor.ts";
export * from "./preprocess/preprocessor.ts";
export * from "./preprocess/preprocessor-json.ts";
export type { TransformOptions } from "./preprocess/transform-frame.ts";

export type { RowSplit } from "./split/row-split.ts";
export * from "./split/stratified-split.ts";
export * from "./split/time-split.ts";

export * from "./explain/column-means.ts";
export * from "./explain/linear-shap.ts";
export * from "./explain/mean-abs-shap.ts";
export * from "./explain/sample-shap-rows.ts";
export * from "./split/group-stratified-split.ts";

export * from "./calibrate/calibrator.ts";
export * from "./calibrate/isotonic-regression.ts";
export * from "./calibrate/platt-scaling.ts";
