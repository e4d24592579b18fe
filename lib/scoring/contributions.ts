import type { ShapValues } from "../ml/explain/linear-shap.ts";

/** Per-feature contributions of scored rows, on the margin (log-odds) scale. */
export interface Contributions {
  /** E[f(x)]: where every row starts before its features move it */
  expectedValue: number;
  /** original features (one-hot groups and missing indicators summed back), in the model's feature-schema order */
  features: string[];
  /** column-major like ShapValues: feature f of row i is values[f * rows + i]; Σ_f + expectedValue = raw */
  values: Float64Array;
}

/**
 * ShapValues re-indexed to `features` (the feature schema order), so every model of a dataset answers with the same
 * feature list: a feature without design columns (a categorical with no category kept) contributes 0.
 * O(rows · features).
 */
export function toContributions(shap: ShapValues, features: readonly string[]): Contributions {
  const { rows } = shap;
  const at = new Map(shap.features.map((f, k) => [f, k]));
  const values = new Float64Array(features.length * rows);
  for (let f = 0; f < features.length; f++) {
    const k = at.get(features[f]!);
    if (k !== undefined) values.set(shap.values.subarray(k * rows, (k + 1) * rows), f * rows);
  }
  const known = new Set(features);
  for (const name of shap.features) {
    if (!known.has(name)) throw new RangeError(`toContributions: the explanation has a feature "${name}" that is not in the model's schema`);
  }
  return { expectedValue: shap.baseValue, features: [...features], values };
}

/** One row's contributions as { feature, value } sorted by |value|, largest first (ties by feature name). */
export function rowContributions(c: Contributions, rows: number, i: number): { feature: string; value: number }[] {
  const out = c.features.map((feature, f) => ({ feature, value: c.values[f * rows + i]! }));
  return out.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
}
