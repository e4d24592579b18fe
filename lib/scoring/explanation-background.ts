import { designWidth, type PreprocessorJson } from "../ml/preprocess/preprocessor-json.ts";

/**
 * E[x] per design column: the background of linear (interventional) SHAP, so contributions at scoring time are the
 * same numbers the training run's importances were made of.
 *
 * Artifacts registered since the what-if predictor store it (`explanation.backgroundMean`: columnMeans of the
 * training design matrix); this rebuilds it for older ones from the fitted preprocessing, exactly where the JSON
 * allows: a standardised numeric column has training mean 0 (its mean was taken after imputation, the order of
 * fitNumericStep), a missing indicator has mean missingShare. The training shares of one-hot columns were not kept,
 * so an older artifact measures categories against its most frequent category (1 there, 0 elsewhere): still exact
 * Shapley values of a linear model, against a reference customer instead of the average one.
 *
 * O(design columns).
 */
export function explanationBackground(pre: PreprocessorJson, stored: readonly number[] | undefined): Float64Array {
  const cols = pre.columns.length;
  if (stored) {
    if (stored.length !== cols) throw new RangeError(`explanationBackground: ${stored.length} background means for ${cols} design columns`);
    return Float64Array.from(stored);
  }
  const missingShare = new Map(pre.schema.map((s) => [s.name, s.missingShare]));
  const mean = new Float64Array(cols);
  let j = 0;
  for (const step of pre.steps) {
    if (step.kind === "categorical") {
      if (step.categories.length > 0) mean[j] = 1; // the most frequent category (categories are sorted by count)
      j += designWidth(step);
    } else {
      mean[j++] = 0;
      if (step.indicator) mean[j++] = missingShare.get(step.name) ?? 0;
    }
  }
  return mean;
}
