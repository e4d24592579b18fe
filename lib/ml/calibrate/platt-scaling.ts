import { sigmoid, softplus } from "../linear/sigmoid.ts";

/** Platt's two parameters: probability = 1 / (1 + exp(a·raw + b)) (his sign convention, and scikit-learn's). */
export interface PlattParams {
  a: number;
  b: number;
}

/** Newton iterations allowed; the fit takes 5–10 (quadratic convergence from Platt's starting point). */
const MAX_ITERATIONS = 100;
/** Ridge on the 2×2 Hessian (Lin, Lin & Weng's σ): keeps it invertible when every raw score is equal. */
const HESSIAN_RIDGE = 1e-12;
/** Below this Newton decrement g·H⁻¹g the objective's change is lost in rounding, so line search stops helping. */
const FULL_STEP_DECREMENT = 1e-8;

/**
 * Platt scaling: fits P(y = 1 | raw) = 1 / (1 + exp(a·raw + b)) by maximum likelihood, with Platt's target
 * smoothing: a positive's target is (N₊ + 1) / (N₊ + 2) and a negative's 1 / (N₋ + 2) instead of 1 and 0 (a
 * Bayesian prior that keeps the fit finite when the classes separate, Platt 1999 §2.2). The objective is the
 * cross-entropy Σ softplus(zᵢ) − (1 − tᵢ)·zᵢ with zᵢ = a·rawᵢ + b; its gradient is Σ (tᵢ − pᵢ)·(rawᵢ, 1).
 *
 * Solved with Newton's method and Armijo backtracking from Platt's start (a = 0, b = log((N₋ + 1)/(N₊ + 1))), as in
 * Lin, Lin & Weng (2007) "A note on Platt's probabilistic outputs for support vector machines", run to the exact
 * optimum. scikit-learn 1.2.1's `_sigmoid_calibration` (CalibratedClassifierCV(method="sigmoid")) minimises the
 * same objective with the same targets but stops at scipy fmin_bfgs's gtol 1e-5, so its (a, b) differ from the
 * optimum by ~1e-7; the fixture holds both.
 *
 * `raw` is the model's margin (log-odds, BinaryClassifier.raw): a model that is already calibrated fits a ≈ −1, b ≈ 0.
 *
 * O(n) per iteration.
 *
 * @throws RangeError on mismatched lengths, no rows, a label other than 0/1, a non-finite raw score, or one class only
 * @example fitPlatt([-2, -1, 1, 2], [0, 1, 0, 1]) // { a: −0.2023…, b: ≈0 } (weak and symmetric)
 */
export function fitPlatt(raw: ArrayLike<number>, y: ArrayLike<number>): PlattParams {
  const n = raw.length;
  if (y.length !== n) throw new RangeError(`fitPlatt: ${n} raw scores but ${y.length} labels`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`fitPlatt: y[${i}] = ${String(y[i])}; labels must be 0 or 1`);
    if (!Number.isFinite(raw[i])) throw new RangeError(`fitPlatt: raw[${i}] = ${String(raw[i])}; raw scores must be finite`);
    positives += y[i]!;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new RangeError("fitPlatt needs both classes in y");

  const targets = new Float64Array(n);
  const positiveTarget = (positives + 1) / (positives + 2);
  const negativeTarget = 1 / (negatives + 2);
  for (let i = 0; i < n; i++) targets[i] = y[i] === 1 ? positiveTarget : negativeTarget;

  const objective = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = a * raw[i]! + b;
      sum += softplus(z) - (1 - targets[i]!) * z;
    }
    return sum;
  };

  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let value = objective(a, b);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let gA = 0;
    let gB = 0;
    let hAA = HESSIAN_RIDGE;
    let hAB = 0;
    let hBB = HESSIAN_RIDGE;
    for (let i = 0; i < n; i++) {
      const f = raw[i]!;
      // p is the model's P(y = 1) = 1 − sigmoid(z); d/dz of the loss is t − p, its second derivative p(1 − p).
      const p = sigmoid(-(a * f + b));
      const residual = targets[i]! - p;
      const w = p * (1 - p);
      gA += residual * f;
      gB += residual;
      hAA += w * f * f;
      hAB += w * f;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    const dA = -(hBB * gA - hAB * gB) / det;
    const dB = -(hAA * gB - hAB * gA) / det;
    const decrement = -(gA * dA + gB * dB);
    if (!(decrement > 0)) break; // at the optimum to rounding (or a singular Hessian): nothing left to gain
    let step = 1;
    if (decrement > FULL_STEP_DECREMENT) {
      // Armijo backtracking far from the optimum; near it the full Newton step is taken (the objective is
      // strictly convex and the step converges quadratically, but its tiny decrease would round to zero).
      while (step > 1e-10 && objective(a + step * dA, b + step * dB) > value - 1e-4 * step * decrement) step /= 2;
      if (step <= 1e-10) break;
    }
    a += step * dA;
    b += step * dB;
    value = objective(a, b);
    if (Math.abs(step * dA) <= 1e-15 * Math.max(1, Math.abs(a)) && Math.abs(step * dB) <= 1e-15 * Math.max(1, Math.abs(b))) break;
  }
  return { a, b };
}

/** Platt's calibrated probability of one raw score: 1 / (1 + exp(a·raw + b)), overflow-free. */
export function plattProbability(params: PlattParams, raw: number): number {
  return sigmoid(-(params.a * raw + params.b));
}
