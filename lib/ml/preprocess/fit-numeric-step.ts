import type { FeatureSchema, NumericStep } from "./preprocessor-json.ts";
import { medianInPlace } from "./select-kth.ts";

/**
 * Below this relative standard deviation a column counts as constant and is centred but not scaled: dividing by
 * a (near-)zero deviation would blow rounding noise up into huge values. scikit-learn's StandardScaler does the
 * same (`_handle_zeros_in_scale` sets such scales to 1). The column is kept, not dropped, so the design has the
 * same columns for every training snapshot of a dataset and a model's coefficients line up across versions; in
 * training it is all zeros, so a solver leaves its weight at 0.
 */
const CONSTANT_RELATIVE_STD = 1e-12;

/** Numeric options that fitPreprocessor passes down. */
export interface NumericFitOptions {
  impute: "median" | { constant: number };
  missingIndicators: boolean;
}

/**
 * Fits imputation + standardisation for one numeric column on the training rows:
 * fill = median of the non-missing values (numpy's median: mean of the two middle values for an even count) or
 * the constant; mean and (population, ddof = 0) standard deviation of the *imputed* values, the order of
 * scikit-learn's SimpleImputer → StandardScaler pipeline. A missing indicator is added only if the training rows
 * had missing values (otherwise it would be a constant column).
 *
 * `values` holds the training rows only, in model units (dates already turned into ages), NaN = missing;
 * `scratch` (optional, ≥ values.length) is reused for the sort so fitting many columns allocates once.
 * Expected O(n): the median by quickselect (selectKth), the rest in two passes.
 */
export function fitNumericStep(
  name: string,
  kind: NumericStep["kind"],
  values: Float64Array,
  options: NumericFitOptions,
  scratch?: Float64Array,
): { step: NumericStep; schema: FeatureSchema } {
  const n = values.length;
  const present = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) present[count++] = v;
  }
  const missing = n - count;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let presentSum = 0;
  for (let i = 0; i < count; i++) {
    const v = present[i];
    if (v < min) min = v;
    if (v > max) max = v;
    presentSum += v;
  }
  const median = medianInPlace(present, count);
  // An all-missing column has no median: fill with 0 so it becomes a constant column (kept, weight 0).
  const fill = options.impute === "median" ? (count === 0 ? 0 : median) : options.impute.constant;

  const mean = n === 0 ? 0 : (presentSum + missing * fill) / n;
  // Second pass on deviations (not E[x²] − E[x]²), which cancels catastrophically for large offsets.
  let squares = missing * (fill - mean) * (fill - mean);
  for (let i = 0; i < count; i++) squares += (present[i] - mean) * (present[i] - mean);
  const std = n === 0 ? 0 : Math.sqrt(squares / n);
  const scale = std <= CONSTANT_RELATIVE_STD * Math.max(1, Math.abs(mean)) ? 1 : std;

  const schema: FeatureSchema = { name, kind, missingShare: n === 0 ? 0 : missing / n };
  if (count > 0) {
    schema.min = min;
    schema.max = max;
    schema.median = median;
  }
  if (kind === "date") schema.unit = "days";
  return {
    step: { name, kind, fill, mean, scale, indicator: options.missingIndicators && missing > 0 },
    schema,
  };
}
