import { EXPONENT_STEP, TWO_POW_128, TWO_POW_MINUS_128, clipProbability, ldexp } from "./scaling.ts";

/**
 * P(Dₙ ≤ d) for the two-sided one-sample Kolmogorov–Smirnov statistic, by Durbin's matrix method as
 * implemented by Marsaglia, Tsang & Wang: with k = ⌈nd⌉, h = k − nd and an m×m matrix H (m = 2k − 1),
 * P = n!/nⁿ · (Hⁿ)_{k,k}. Hⁿ by repeated squaring, rescaled by 2^±128 to stay in range.
 *
 * Reference: Durbin (1968); Marsaglia, Tsang & Wang (2003), "Evaluating Kolmogorov's distribution", JSS 8(18);
 * scipy/stats/_ksstats.py `_kolmogn_DMTW` (scipy 1.10.1), which this follows step by step.
 * O(m³ log n + n); used where m is small (nd² ≤ 0.754693, or n·d^1.5 ≤ 1.4).
 */
export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // v[j−1] = (1 − h^j)/j!, w[j−1] = 1/(j−1)!
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  const correction = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + correction) * factorial;

  let matrix: Float64Array = new Float64Array(m * m); // row-major
  for (let i = 1; i < m; i++) {
    for (let r = 0; r <= m - i; r++) matrix[(i - 1 + r) * m + i] = w[r];
  }
  for (let r = 0; r < m; r++) matrix[r * m] = v[r];
  for (let c = 0; c < m; c++) matrix[(m - 1) * m + c] = v[m - 1 - c];

  let power: Float64Array = identity(m);
  let remaining = n;
  let exponent = 0; // scaling of `power`
  let matrixExponent = 0; // scaling of `matrix`
  const diagonal = (k - 1) * m + (k - 1);
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[diagonal]) > TWO_POW_128) {
      for (let i = 0; i < matrix.length; i++) matrix[i] /= TWO_POW_128;
      matrixExponent += EXPONENT_STEP;
    }
    remaining = Math.floor(remaining / 2);
  }

  let p = power[diagonal];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < TWO_POW_MINUS_128) {
      p *= TWO_POW_128;
      exponent -= EXPONENT_STEP;
    }
  }
  return clipProbability(exponent === 0 ? p : ldexp(p, exponent));
}

function identity(m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) out[i * m + i] = 1;
  return out;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += ail * b[l * m + j];
    }
  }
  return out;
}
