/**
 * A seeded uniform generator on [0, 1): mulberry32 (Tommy Ettinger's 32-bit generator, public domain; the same one
 * many JS libraries use for reproducible shuffles). lib/ml never calls Math.random(): every random choice (Hessian row
 * samples, baseline subsamples, adaptive search proposals) takes a seed so a retrain reproduces bit for bit.
 *
 * Period 2^32, passes gjrand/PractRand up to a few GB: plenty for sampling rows and proposing a few dozen trials.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // 0.6011037519201636, the same on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` distinct indices from 0..n−1, drawn uniformly with a seeded partial Fisher–Yates shuffle, returned sorted
 * ascending (callers read column-major data, so sorted rows keep memory access forward-only).
 * O(n) memory for the index table; O(k log k) for the sort.
 * @throws RangeError if k is not an integer in [0, n]
 */
export function sampleIndices(n: number, k: number, random: () => number): Uint32Array {
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sampleIndices: k = ${k} must be an integer between 0 and n = ${n}`);
  }
  const pool = new Uint32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, k).sort();
}
