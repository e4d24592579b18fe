/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic D = h / lcm(n₁, n₂):
 * the share of the C(n₁+n₂, n₁) equally likely merge orders (lattice paths from (0,0) to (n₁,n₂)) whose
 * ECDF difference reaches h / lcm somewhere.
 *
 * Reference: Hodges (1958), "The significance probability of the Smirnov two-sample test"; scipy 1.10.1
 * `_attempt_exact_2kssamp` → `_compute_prob_outside_square` (n₁ = n₂) and `_compute_outer_prob_inside_method`
 * (Viehmann 2021, arXiv:2102.08037, which computes 1 − p directly so small p-values keep their precision).
 *
 * @returns the p-value, or NaN when the recursion leaves [0, 1] (scipy then falls back to the asymptotic mode)
 */
export function ksExactPValue(n1: number, n2: number, h: number): number {
  if (h === 0) return 1;
  const p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideInsideMethod(n1, n2, h);
  return p >= 0 && p <= 1 ? p : Number.NaN;
}

/**
 * n₁ = n₂ = n: P(D ≥ h/n) = 2 Σ_k (−1)^(k+1) C(2n, n − kh) / C(2n, n), evaluated as a Horner-like product of
 * ratios so no binomial is formed and there is no subtractive cancellation. O(n).
 */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * n₁ ≠ n₂: walks the lattice column by column, keeping only the band of rows with |x/m − y/n| < h/lcm and
 * carrying 1 − (share of paths still inside) so the result is the outside share directly.
 * O(m · band) with m = max(n₁, n₂), band ≤ min(n₁, n₂) + 1.
 */
function probabilityOutsideInsideMethod(n1: number, n2: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const a = new Float64Array(Math.min(2 * maxJ + 2, n + 1)).fill(1);
  a.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const j = jj + minJ;
      value = (a[jj + minJ - lastMinJ] * i + value * j) / (i + j);
      a[jj] = value;
    }
    currentLength = maxJ - minJ;
    // Cells that just left the band are "outside" for good: 1 in the 1 − p bookkeeping.
    if (lastLength > currentLength) a.fill(1, maxJ - minJ, maxJ - minJ + (lastLength - currentLength));
  }
  return a[maxJ - minJ - 1];
}

export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
