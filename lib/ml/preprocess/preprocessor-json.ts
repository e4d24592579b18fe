import type { DesignColumn, FeatureKind } from "../types.ts";

/** Design label of the one-hot column that collects categories too rare to get their own. */
export const OTHER_CATEGORY = "__other__";
/** Design label of the one-hot column for a missing (null) category. */
export const MISSING_CATEGORY = "__missing__";
/** Suffix of the 0/1 column flagging an imputed numeric value. */
export const MISSING_INDICATOR_SUFFIX = "__missing";

/**
 * How one numeric, boolean or date feature becomes design columns: (value − mean) / scale after filling missing
 * values with `fill`, plus an optional 0/1 missing indicator. Dates are first turned into an age in days.
 */
export interface NumericStep {
  name: string;
  kind: "numeric" | "boolean" | "date";
  fill: number;
  mean: number;
  /** the training standard deviation, or 1 for a (near-)constant column: see fitNumericStep */
  scale: number;
  indicator: boolean;
}

/** How one categorical feature becomes one-hot columns, in this order: categories, other, missing. */
export interface CategoricalStep {
  name: string;
  kind: "categorical";
  categories: string[];
  /** training categories grouped into __other__ (kept so an unseen category stays all-zero, not "other") */
  rare: string[];
  other: boolean;
  missing: boolean;
}

export type PreprocessStep = NumericStep | CategoricalStep;

/** How many design columns a fitted step writes: its categories (+ other, + missing), or the value (+ its indicator). */
export function designWidth(step: PreprocessStep): number {
  return step.kind === "categorical" ? step.categories.length + (step.other ? 1 : 0) + (step.missing ? 1 : 0) : 1 + (step.indicator ? 1 : 0);
}

/** What the what-if form needs to know about one raw feature (training rows only). */
export interface FeatureSchema {
  name: string;
  kind: FeatureKind;
  /** share of training rows where the value was missing */
  missingShare: number;
  /** numeric, boolean, date: over non-missing training values; dates as age in days */
  min?: number;
  max?: number;
  median?: number;
  /** date: the unit of min/max/median */
  unit?: "days";
  /** categorical: the categories with their own column, most frequent first */
  categories?: string[];
  /** categorical: whether rarer categories were grouped into __other__ */
  hasOther?: boolean;
}

/** Everything needed to rebuild a fitted preprocessor; plain JSON, stored in the model artifact. */
export interface PreprocessorJson {
  version: 1;
  steps: PreprocessStep[];
  columns: DesignColumn[];
  schema: FeatureSchema[];
  /** days since epoch used for date ages when a frame has no per-row asOf; null when training had asOf */
  referenceDate: number | null;
  trainingRows: number;
}
