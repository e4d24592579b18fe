const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const SQRT_3 = Math.sqrt(3);
/** Below this, exp() underflows (scipy's _MIN_LOG). */
const MIN_LOG = -708;

/**
 * Pelz–Good approximation of P(Dₙ ≤ x) for the two-sided one-sample Kolmogorov–Smirnov statistic: the
 * Li-Chien/Korolyuk expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^1.5 (z = x√n), each term rewritten with
 * Jacobi theta functions so it converges fast for small z. Not clipped (the caller clips).
 *
 * Reference: Pelz & Good (1976), "Approximating the lower tail-areas of the Kolmogorov–Smirnov one-sample
 * statistic", JRSS B 38(2); scipy/stats/_ksstats.py `_kolmogn_PelzGood` (scipy 1.10.1), term by term.
 */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qLog = -PI_SQUARED / 8 / z2;
  if (qLog < MIN_LOG) return 0;
  let q = Math.exp(qLog);

  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qPower = q ** (8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let t = 0; t < 4; t++) terms[t] = terms[t] * qPower + coefficients[t];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let t = 0; t < 4; t++) terms[t] = (terms[t] * q * SQRT_TWO_PI) / divisors[t];

  q = Math.exp(-PI_SQUARED / 2 / z2);
  let k2Extra = 0;
  let k3Extra = 0;
  const sqrt3z = SQRT_3 * z;
  for (let k = maxK; k > 0; k--) {
    const k2 = k * k;
    const qPower = q ** k2;
    const kPi = Math.PI * k;
    k2Extra += k2 * qPower;
    k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  terms[2] += k2Extra * ((PI_SQUARED * SQRT_TWO_PI) / (-36 * z ** 3));
  terms[3] += k3Extra * ((PI_SQUARED * SQRT_TWO_PI) / (216 * z6));

  let sum = 0;
  for (let t = 0; t < 4; t++) sum += terms[t] / n ** (t / 2);
  return sum;
}
