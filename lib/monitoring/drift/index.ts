// Public surface of lib/monitoring/drift: pure drift statistics (arrays in, numbers out). One line per module.
export * from "./types.ts";
export * from "./column-drift.ts";
export * from "./dataset-drift.ts";
export * from "./select-drift-test.ts";

export * from "./ks-two-sample.ts";
export * from "./chi-square.ts";
export * from "./z-test.ts";
export * from "./wasserstein.ts";
export * from "./jensen-shannon.ts";
export * from "./psi.ts";

export { OTHER_CATEGORIES_LABEL } from "./histogram.ts";
export { kolmogorovSurvival } from "./kolmogorov/kolmogorov-survival.ts";
export { smirnovSurvival } from "./kolmogorov/smirnov.ts";
export { chiSquareSurvival, normalTwoSidedPValue } from "./regularized-gamma.ts";
export * from "./psi-check.ts";
