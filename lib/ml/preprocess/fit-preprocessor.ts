import type { DesignColumn, RawFrame } from "../types.ts";
import { fitCategoricalStep } from "./fit-categorical-step.ts";
import { fitNumericStep } from "./fit-numeric-step.ts";
import { checkFrame, checkRows, modelValues, resolveAsOf } from "./model-values.ts";
import { type Preprocessor, preprocessorFromJSON } from "./preprocessor.ts";
import {
  type FeatureSchema,
  MISSING_CATEGORY,
  MISSING_INDICATOR_SUFFIX,
  OTHER_CATEGORY,
  type PreprocessStep,
} from "./preprocessor-json.ts";

/** Options of fitPreprocessor; every default is stated and explained where it is used. */
export interface PreprocessOptions {
  /** the training rows of the frame; statistics are fitted on these only (default: every row) */
  rows?: Uint32Array;
  /** how to fill a missing numeric value before scaling (default "median", robust to skew such as spend) */
  impute?: "median" | { constant: number };
  /** add a 0/1 "<name>__missing" column for numeric features that had missing training values (default true) */
  missingIndicators?: boolean;
  /** a category needs at least this many training rows for its own column (default 10) */
  minCategoryCount?: number;
  /** … and at least this share of the training rows (default 0.01) */
  minCategoryShare?: number;
  /** as-of day (days since epoch) for date ages; default the frame's per-row asOf */
  referenceDate?: number;
}

/**
 * Fits the preprocessing of a raw frame on its training rows: numeric and boolean features are imputed and
 * standardised (optionally with a missing indicator), dates become ages in days and are then treated as numeric,
 * categorical features are one-hot encoded with rare categories grouped and missing as its own category.
 * Design columns follow the frame's column order; each carries `source` = the raw feature, so explanations sum
 * back over one-hot groups and missing indicators.
 *
 * O(n log n) per numeric column (median), O(n) per categorical column, n = training rows.
 *
 * @throws RangeError on a malformed frame, out-of-range rows, or date columns without an as-of day
 */
export function fitPreprocessor(frame: RawFrame, options: PreprocessOptions = {}): Preprocessor {
  checkFrame(frame, "fitPreprocessor");
  const rows = options.rows ?? null;
  if (rows) checkRows(rows, frame.rows, "fitPreprocessor");
  const numericOptions = { impute: options.impute ?? "median", missingIndicators: options.missingIndicators ?? true };
  const categoricalOptions = {
    minCategoryCount: options.minCategoryCount ?? 10,
    minCategoryShare: options.minCategoryShare ?? 0.01,
  };
  const asOf = resolveAsOf(frame, options.referenceDate, null);

  const trainingRows = rows ? rows.length : frame.rows;
  // Two buffers reused by every numeric column (values, sort copy) instead of two fresh arrays per column.
  const valuesScratch = new Float64Array(trainingRows);
  const sortScratch = new Float64Array(trainingRows);
  const steps: PreprocessStep[] = [];
  const schema: FeatureSchema[] = [];
  const columns: DesignColumn[] = [];
  for (const column of frame.columns) {
    if (column.kind === "categorical") {
      const fitted = fitCategoricalStep(column.name, column.values, rows, categoricalOptions);
      steps.push(fitted.step);
      schema.push(fitted.schema);
      const labels = [
        ...fitted.step.categories,
        ...(fitted.step.other ? [OTHER_CATEGORY] : []),
        ...(fitted.step.missing ? [MISSING_CATEGORY] : []),
      ];
      for (const label of labels) columns.push({ name: `${column.name}=${label}`, source: column.name });
    } else {
      const fitted = fitNumericStep(
        column.name,
        column.kind,
        modelValues(column, rows, asOf, valuesScratch),
        numericOptions,
        sortScratch,
      );
      steps.push(fitted.step);
      schema.push(fitted.schema);
      columns.push({ name: column.name, source: column.name });
      if (fitted.step.indicator) {
        columns.push({ name: `${column.name}${MISSING_INDICATOR_SUFFIX}`, source: column.name });
      }
    }
  }
  return preprocessorFromJSON({
    version: 1,
    steps,
    columns,
    schema,
    referenceDate: options.referenceDate ?? null,
    trainingRows,
  });
}
