/** Class weights as scikit-learn takes them: "balanced", explicit per-class weights, or none. */
export type ClassWeight = "balanced" | { 0: number; 1: number } | null;

/**
 * Per-row weights s_i = sample_weight_i · class_weight[y_i], the factor of each row's log loss in the objective.
 * "balanced" gives class c the weight n / (2 · n_c), counted on unweighted labels, exactly as scikit-learn's
 * `compute_class_weight("balanced", …)` does before LogisticRegression multiplies it into sample_weight.
 * Reference: sklearn/utils/class_weight.py and sklearn/linear_model/_logistic.py (1.2).
 *
 * @throws RangeError on a length mismatch, a negative or non-finite weight, or an all-zero total
 */
export function observationWeights(
  y: Uint8Array,
  sampleWeight: Float64Array | undefined,
  classWeight: ClassWeight,
): Float64Array {
  const n = y.length;
  if (sampleWeight && sampleWeight.length !== n) {
    throw new RangeError(`sampleWeight has ${sampleWeight.length} values for ${n} rows`);
  }
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  let w0 = 1;
  let w1 = 1;
  if (classWeight === "balanced") {
    // Both classes are present (the caller checks), so neither count is 0.
    w0 = n / (2 * (n - positives));
    w1 = n / (2 * positives);
  } else if (classWeight) {
    w0 = classWeight[0];
    w1 = classWeight[1];
  }
  if (!(w0 >= 0 && w1 >= 0 && Number.isFinite(w0) && Number.isFinite(w1))) {
    throw new RangeError(`class weights must be finite and non-negative, got ${w0} and ${w1}`);
  }
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = (sampleWeight ? sampleWeight[i]! : 1) * (y[i] === 1 ? w1 : w0);
    if (!(s >= 0 && Number.isFinite(s))) throw new RangeError(`sampleWeight[${i}] = ${sampleWeight?.[i]} must be finite and non-negative`);
    weights[i] = s;
    total += s;
  }
  if (!(total > 0)) throw new RangeError("the sample weights sum to 0: at least one row must count");
  return weights;
}
