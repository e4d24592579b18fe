import { EXPONENT_STEP, TWO_POW_128, TWO_POW_MINUS_128, clipProbability, ldexp } from "./scaling.ts";

/**
 * P(Dₙ ≤ d) for the two-sided one-sample Kolmogorov–Smirnov statistic by Pomeranz's recursion: 2n + 1 rows,
 * each a short convolution of the previous row with powers (g/n)^m/m!, (2g/n)^m/m! or ((1−2g)/n)^m/m!
 * (g the distance of nd to the nearest integer), rescaled by 2^±128.
 *
 * Reference: Pomeranz (1974), "Exact cumulative distribution of the Kolmogorov–Smirnov statistic for small
 * samples", CACM 17(12); scipy/stats/_ksstats.py `_kolmogn_Pomeranz` (scipy 1.10.1), followed index by index.
 * O(n · (nd)²); scipy uses it for n ≤ 140 and 0.754693 < nd² ≤ 4.
 */
export function kolmogorovCdfPomeranz(n: number, d: number): number {
  const t = n * d;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const powers = 2 * (ll + 1);

  const gPower = new Float64Array(powers);
  const twoGPower = new Float64Array(powers);
  const oneMinusTwoGPower = new Float64Array(powers);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  for (let m = 1; m < powers; m++) {
    gPower[m] = (gPower[m - 1] * (g / n)) / m;
    twoGPower[m] = (twoGPower[m - 1] * ((2 * g) / n)) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / n)) / m;
  }

  let previous = new Float64Array(powers);
  let current = new Float64Array(powers);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1, j2] = rowBounds(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilF, roundF);
    const pwrs = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const width = j2 - k1 + 1;
    if (width > 0) {
      // numpy: conv = convolve(previous[k1 − start : k1 − start + width], pwrs[:width]); keep
      // conv[j1 − k1 : j1 − k1 + (j2 − j1 + 1)]. Slices past the array end are shorter, as in numpy.
      const offset = k1 - previousStart;
      const sliceLength = Math.max(0, Math.min(width, powers - offset));
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let max = 0;
      for (let out = 0; out < convLength; out++) {
        const c = convStart + out;
        let sum = 0;
        const lo = Math.max(0, c - (width - 1));
        const hi = Math.min(c, sliceLength - 1);
        for (let a = lo; a <= hi; a++) sum += previous[offset + a] * pwrs[c - a];
        current[out] = sum;
        if (sum > max) max = sum;
      }
      if (max > 0 && max < TWO_POW_MINUS_128) {
        for (let out = 0; out < convLength; out++) current[out] *= TWO_POW_128;
        exponent -= EXPONENT_STEP;
      }
      currentStart = previousStart + j1 - k1;
    }
  }
  let answer = current[n - currentStart];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > TWO_POW_128) {
      answer *= TWO_POW_MINUS_128;
      exponent += EXPONENT_STEP;
    }
    answer *= m;
  }
  return clipProbability(exponent === 0 ? answer : ldexp(answer, exponent));
}

/** scipy `_pomeranz_compute_j1j2`: the first and last non-zero column of row i. */
function rowBounds(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
