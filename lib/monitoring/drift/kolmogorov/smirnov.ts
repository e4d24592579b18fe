/** Below this, exp() underflows to 0 in float64 (cephes MINLOG). */
const MIN_LOG = -708.3964185322641;
/** Past this n cephes stops summing and uses an asymptotic formula; we follow it so results agree. */
const MAX_COMPUTE_N = 1_000_000;

/**
 * Survival function of the one-sided Kolmogorov–Smirnov statistic D⁺ₙ = sup (Fₙ − F) for a sample of n:
 * P(D⁺ₙ ≥ x), scipy.special.smirnov(n, x).
 *
 * Exact Birnbaum–Tingey sum, all of whose terms are positive (so no cancellation):
 *   P(D⁺ₙ ≥ x) = x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (1 − x − j/n)^{n−j} (x + j/n)^{j−1},
 * each term evaluated in logs (C(n, j) built up incrementally) so none overflows. Special cases follow cephes:
 * x ≥ 1 − 1/n gives (1 − x)ⁿ; n > 10⁶ uses exp(−(6nx + 1)² / 18n); tails below e^−708 are 0.
 *
 * Reference: Birnbaum & Tingey (1951), "One-sided confidence contours for probability distribution functions";
 * scipy/special/cephes/kolmogorov.c `_smirnov` (scipy 1.10.1), which sums the same terms in double-double.
 * O(n).
 *
 * @example smirnovSurvival(10, 0.5) // 0.0050521616
 */
export function smirnovSurvival(n: number, x: number): number {
  if (!(n >= 1 && Number.isInteger(n))) throw new RangeError(`smirnovSurvival needs an integer n ≥ 1, got ${n}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`smirnovSurvival needs 0 ≤ x ≤ 1, got ${x}`);
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  if (-2 * n * x * x < MIN_LOG) return 0;
  const nx = n * x;
  const nxFloor = Math.floor(nx);
  const alpha = nx - nxFloor;
  if (nxFloor >= n - 1) return (1 - x) ** n;
  if (n > MAX_COMPUTE_N) {
    const logP = -((6 * nx + 1) ** 2) / 18 / n;
    return logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
  }
  // j runs while 1 − x − j/n > 0: up to ⌊n − nx⌋, or n − nx − 1 when nx is an integer (that term's base is 0).
  // Both are n − ⌊nx⌋ − 1.
  const lastJ = n - nxFloor - 1;
  const logX = Math.log(x);
  let logBinomial = 0;
  let sum = 0;
  for (let j = 0; j <= lastJ; j++) {
    // (n − j − nx)/n and (nx + j)/n from integer parts plus the fraction α: exact up to one rounding each.
    const lowBase = (n - j - nxFloor - alpha) / n;
    const highBase = (nxFloor + j + alpha) / n;
    const logTerm = logBinomial + (n - j) * Math.log(lowBase) + (j - 1) * Math.log(highBase) + logX;
    sum += Math.exp(logTerm);
    logBinomial += Math.log((n - j) / (j + 1));
  }
  return Math.min(Math.max(sum, 0), 1);
}
