/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit-state generator (one add, two multiply–xorshift rounds per draw), fast and good enough
 * for shuffles and samples (it passes gjrand's basic tests; not for cryptography). Same seed → same stream, on
 * every platform, which is what a reproducible split needs; `Math.random()` cannot be seeded.
 *
 * Reference: Tommy Ettinger's mulberry32 (public domain), as reproduced in bryc/code "PRNGs.md".
 *
 * @param seed any integer (taken modulo 2³²)
 * @example mulberry32(42)() // 0.6011037519201636
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * Fisher–Yates shuffle in place (Knuth, TAOCP vol. 2, Algorithm P): every permutation equally likely given a
 * uniform source. O(n).
 */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(values: T, random: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const swap = values[i];
    values[i] = values[j];
    values[j] = swap;
  }
  return values;
}
