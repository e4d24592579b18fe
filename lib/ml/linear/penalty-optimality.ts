/**
 * Largest violation of the optimality (KKT) conditions of  loss(β) + l2/2·‖w‖² + l1·‖w‖₁  given the loss gradient g
 * (β[0] = g-index 0 is the unpenalised intercept): the infinity norm of the minimum-norm subgradient,
 *   intercept:  |g₀|                       (only when it is fitted)
 *   w_j ≠ 0:    |g_j + l2·w_j + l1·sign(w_j)|
 *   w_j = 0:    max(|g_j| − l1, 0)          (zero is optimal while the gradient stays inside the L1 dead zone)
 * It is 0 exactly at the optimum; glmnet, liblinear and OWL-QN stop on this quantity.
 */
export function penaltyOptimality(beta: Float64Array, gradient: Float64Array, l1: number, l2: number, fitIntercept: boolean): number {
  let worst = fitIntercept ? Math.abs(gradient[0]!) : 0;
  for (let j = 1; j < beta.length; j++) {
    const w = beta[j]!;
    const smooth = gradient[j]! + l2 * w;
    const violation = w > 0 ? Math.abs(smooth + l1) : w < 0 ? Math.abs(smooth - l1) : Math.max(Math.abs(smooth) - l1, 0);
    if (Number.isNaN(violation)) return Number.NaN; // non-finite data: the caller reports it
    if (violation > worst) worst = violation;
  }
  return worst;
}
