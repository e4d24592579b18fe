import type { CategoricalStep, FeatureSchema } from "./preprocessor-json.ts";

/** Rare-category options that fitPreprocessor passes down. */
export interface CategoricalFitOptions {
  minCategoryCount: number;
  minCategoryShare: number;
}

/**
 * Fits a one-hot encoding for one categorical column on the training rows.
 *
 * A category keeps its own column when it has at least max(minCategoryCount, minCategoryShare · n) training
 * rows (defaults: 10 rows and 1%); rarer ones share one "__other__" column. Why both: under 10 rows a coefficient
 * is noise, and under 1% of rows a column barely moves the fit but still costs a solver pass and clutters the
 * importance chart; 1% also caps a column at 100 one-hot columns however many distinct values it has.
 * Missing (null) values get their own "__missing__" column whenever training had any, however few: "we do not
 * know" is information (a buyer absent from a side file), not a rare category.
 * Categories are ordered by count (descending), then by code unit order, so the design is deterministic.
 *
 * O(n + k log k) for k distinct categories.
 */
export function fitCategoricalStep(
  name: string,
  values: readonly (string | null)[],
  rows: Uint32Array | null,
  options: CategoricalFitOptions,
): { step: CategoricalStep; schema: FeatureSchema } {
  const n = rows ? rows.length : values.length;
  const counts = new Map<string, number>();
  let missing = 0;
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (v === null || v === undefined) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const minimum = Math.max(options.minCategoryCount, options.minCategoryShare * n);
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const categories = byFrequency.filter(([, c]) => c >= minimum).map(([category]) => category);
  const rare = byFrequency.filter(([, c]) => c < minimum).map(([category]) => category);
  const other = rare.length > 0;
  return {
    step: { name, kind: "categorical", categories, rare, other, missing: missing > 0 },
    schema: { name, kind: "categorical", missingShare: n === 0 ? 0 : missing / n, categories, hasOther: other },
  };
}
