/**
 * The logistic function 1 / (1 + e^(−z)), evaluated without overflow: for z < 0 it uses e^z / (1 + e^z), so the
 * exponential never exceeds 1 and sigmoid(−800) is 0 (well, 1e-348 underflows to 0) instead of NaN, and sigmoid(40)
 * keeps full precision of 1 − sigmoid(40) in the complementary branch.
 * Reference: the same split as scipy.special.expit / sklearn's `_logistic_sigmoid`.
 *
 * @example sigmoid(0) // 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * softplus(z) = log(1 + e^z), stably: max(z, 0) + log1p(e^(−|z|)). The log loss of a margin z for label y is
 * softplus(z) − y·z, which this keeps accurate for |z| up to the float range (no log(0), no e^710 overflow).
 *
 * @example softplus(0) // Math.LN2
 */
export function softplus(z: number): number {
  return (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
