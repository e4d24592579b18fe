// Powers of two used to rescale intermediate values of the Kolmogorov recursions (whose dynamic range exceeds
// float64), with the exponent tracked separately and applied at the end: scipy _ksstats.py's _EP128/_EM128.
export const EXPONENT_STEP = 128;
export const TWO_POW_128 = 2 ** 128;
export const TWO_POW_MINUS_128 = 2 ** -128;

/** x · 2^exponent without overflowing on the way (Math.pow(2, e) alone overflows past 1023). */
export function ldexp(x: number, exponent: number): number {
  let result = x;
  let e = exponent;
  while (e > 1000) {
    result *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    result *= 2 ** -1000;
    e += 1000;
  }
  return result * 2 ** e;
}

/** Clamps a computed probability into [0, 1] (rounding can leave it just outside). */
export function clipProbability(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
