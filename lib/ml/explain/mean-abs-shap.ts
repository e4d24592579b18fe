import type { ShapValues } from "./linear-shap.ts";

/** One bar of the importance chart. */
export interface FeatureImportance {
  feature: string;
  mean_abs_shap: number;
}

/**
 * Global importance per original feature: the mean over rows of |φ_f|, sorted descending (ties by name, so the
 * order is deterministic). Reference: shap's bar plot / `shap.plots.bar` (mean |SHAP value|).
 *
 * O(rows · features + features log features).
 *
 * @throws RangeError when there are no rows
 */
export function meanAbsShap(shap: ShapValues): FeatureImportance[] {
  const { rows, features, values } = shap;
  if (rows === 0) throw new RangeError("meanAbsShap needs at least one row");
  const importances = features.map((feature, f) => {
    let sum = 0;
    const base = f * rows;
    for (let i = 0; i < rows; i++) sum += Math.abs(values[base + i]);
    return { feature, mean_abs_shap: sum / rows };
  });
  return importances.sort(
    (a, b) => b.mean_abs_shap - a.mean_abs_shap || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
  );
}
