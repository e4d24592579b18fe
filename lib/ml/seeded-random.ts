import { mulberry32 } from "./random.ts";

/**
 * A seeded uniform generator on [0, 1): lib/ml never calls Math.random(). Every random choice (Hessian row samples,
 * baseline subsamples, adaptive search proposals, splits) takes a seed so a retrain reproduces bit for bit. It is
 * random.ts's mulberry32 under the name the solvers use.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // 0.6011037519201636, the same on every run
 */
export const seededRandom = mulberry32;

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
