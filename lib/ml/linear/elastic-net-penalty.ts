/**
 * l2/2·‖w‖² + l1·‖w‖₁ at w = β + step·Δ (Δ null: at β), over the coefficients only: index 0 is the unpenalised
 * intercept, as in scikit-learn and glmnet.
 */
export function elasticNetPenalty(beta: Float64Array, delta: Float64Array | null, step: number, l1: number, l2: number): number {
  let squares = 0;
  let absolute = 0;
  for (let j = 1; j < beta.length; j++) {
    const w = delta ? beta[j]! + step * delta[j]! : beta[j]!;
    squares += w * w;
    absolute += Math.abs(w);
  }
  return (l2 / 2) * squares + l1 * absolute;
}
