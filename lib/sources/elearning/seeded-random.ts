/**
 * A small seeded pseudo-random generator for synthetic datasets.
 *
 * Why not Math.random: sample datasets must be reproducible — the same parameters
 * have to give byte-identical files so that tests, demos and model metrics are
 * stable across runs and machines. Math.random cannot be seeded.
 *
 * Core: mulberry32 (Tommy Ettinger, public domain), a 32-bit-state generator that
 * passes gjrand/PractRand up to a few GB — plenty for datasets of a few million draws,
 * and fast because it only uses 32-bit integer ops (Math.imul).
 */
export interface SeededRandom {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** Normal draw (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Poisson draw with mean lambda ≥ 0. */
  poisson(lambda: number): number;
  /** One item, uniformly or proportionally to non-negative weights. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
  /** Gamma(shape, scale = 1) draw (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Beta(a, b) draw in (0, 1). */
  beta(a: number, b: number): number;
}

/** Creates an independent generator; equal seeds give equal sequences. */
export function createSeededRandom(seed: number): SeededRandom {
  // `| 0` folds any finite number (negative, > 2^32) into the 32-bit state.
  let state = seed | 0;
  // Box–Muller yields two normals per pair of uniforms; keep the second.
  let spareNormal: number | null = null;

  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function int(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`int(lo, hi) needs integers with lo <= hi, got (${lo}, ${hi})`);
    }
    return lo + Math.floor(next() * (hi - lo + 1));
  }

  function standardNormal(): number {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    // 1 - next() is in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  function normal(mean = 0, sd = 1): number {
    return mean + sd * standardNormal();
  }

  function poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new RangeError(`poisson needs a finite lambda >= 0, got ${lambda}`);
    }
    if (lambda === 0) return 0;
    if (lambda < 30) {
      // Knuth's product method: exact, O(lambda) draws — cheap for the small means we use.
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    }
    // Large means: Hörmann's PTRS transformed rejection (exact, O(1) expected draws).
    const slam = Math.sqrt(lambda);
    const logLam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = next() - 0.5;
      const v = 1 - next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v * invAlpha / (a / (us * us) + b)) <= -lambda + k * logLam - logFactorial(k)) {
        return k;
      }
    }
  }

  function pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (items.length === 0) throw new RangeError("pick needs at least one item");
    if (weights === undefined) return items[Math.floor(next() * items.length)] as T;
    if (weights.length !== items.length) {
      throw new RangeError(`pick: ${items.length} items but ${weights.length} weights`);
    }
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new RangeError("pick needs a positive total weight");
    let target = next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return items[i] as T;
    }
    // Float rounding can leave target at ~0 after the last subtraction.
    return items[items.length - 1] as T;
  }

  function gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`gamma needs shape > 0, got ${shape}`);
    // Marsaglia–Tsang needs shape >= 1; boost smaller shapes with U^(1/shape).
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  function beta(a: number, b: number): number {
    const x = gamma(a);
    return x / (x + gamma(b));
  }

  return { next, int, normal, poisson, pick, gamma, beta };
}

/** log(k!): direct product for small k, where Stirling's series is least accurate. */
function logFactorial(k: number): number {
  if (k < 10) {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return Math.log(f);
  }
  const x = k + 1;
  return (
    (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3)
  );
}
