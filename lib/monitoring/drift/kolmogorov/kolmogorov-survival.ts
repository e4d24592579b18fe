import { kolmogorovCdfDurbin } from "./durbin-matrix.ts";
import { kolmogorovCdfPelzGood } from "./pelz-good.ts";
import { kolmogorovCdfPomeranz } from "./pomeranz.ts";
import { clipProbability } from "./scaling.ts";
import { smirnovSurvival } from "./smirnov.ts";

/**
 * P(Dₙ ≥ x) for the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ = sup |Fₙ − F| of a sample of n:
 * scipy.stats.kstwo.sf(x, n). ks_2samp's asymptotic mode evaluates it at n = round(n₁n₂/(n₁+n₂)).
 *
 * Picks the algorithm exactly as scipy does (Simard & L'Ecuyer's recipe):
 * - nx ≤ 1 or nx ≥ n − 1: Ruben–Gambino closed forms;
 * - x ≥ ½: 2·smirnov(n, x) (exact there, the one-sided tails do not overlap);
 * - n ≤ 140: Durbin matrix (nx² ≤ 0.754693), Pomeranz (nx² ≤ 4), else 2·smirnov;
 * - n > 140: 0 for nx² ≥ 370, 2·smirnov for nx² ≥ 2.2, else 1 − CDF with the CDF from the Durbin matrix
 *   (n ≤ 10⁵ and n·x^1.5 ≤ 1.4) or the Pelz–Good expansion.
 *
 * Reference: Simard & L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov distribution", JSS 39(11);
 * scipy/stats/_ksstats.py `_kolmogn` (scipy 1.10.1).
 *
 * @throws {RangeError} if n is not an integer ≥ 1 or x is NaN
 * @example kolmogorovSurvival(10, 0.3) // 0.2589...
 */
export function kolmogorovSurvival(n: number, x: number): number {
  if (!(n >= 1 && Number.isInteger(n))) throw new RangeError(`kolmogorovSurvival needs an integer n ≥ 1, got ${n}`);
  if (Number.isNaN(x)) throw new RangeError("kolmogorovSurvival needs a number x, got NaN");
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    // Ruben–Gambino: P(Dₙ ≤ x) = n!/nⁿ (2nx − 1)ⁿ for 1/2n ≤ x ≤ 1/n.
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clipProbability(1 - cdf);
  }
  if (t >= n - 1) return clipProbability(2 * (1 - x) ** n);
  if (x >= 0.5) return clipProbability(2 * smirnovSurvival(n, x));

  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clipProbability(1 - kolmogorovCdfDurbin(n, x));
    if (nx2 <= 4) return clipProbability(1 - kolmogorovCdfPomeranz(n, x));
    return clipProbability(2 * smirnovSurvival(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clipProbability(2 * smirnovSurvival(n, x));
  let cdf: number;
  if (nx2 >= 18) cdf = 1;
  else if (n <= 100_000 && n * x ** 1.5 <= 1.4) cdf = kolmogorovCdfDurbin(n, x);
  else cdf = kolmogorovCdfPelzGood(n, x);
  return clipProbability(1 - clipProbability(cdf));
}

const LOG_TWO_PI = Math.log(2 * Math.PI);
/** Stirling-series coefficients, highest power first (scipy _STIRLING_COEFFS, for np.polyval). */
const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

/** ln(n!/nⁿ) = ln((n−1)!/n^(n−1)) by Stirling's series (scipy `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_TWO_PI / 2 + rn * poly;
}
