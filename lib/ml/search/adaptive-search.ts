import type { LinearModel } from "../linear/linear-model.ts";
import { seededRandom } from "../seeded-random.ts";
import { evaluateTrial, isBetter } from "./evaluate-trial.ts";
import type { LinearSearchInput, LinearSearchResult, LinearTrial } from "./linear-search-types.ts";

export interface AdaptiveSearchOptions {
  /** number of trials (the pipeline passes CHURNOPS_HPO_TRIALS) */
  trials: number;
  /** seed of the design and the proposals (default 0) */
  seed?: number;
  /** search box for log10 C (default [−4, 2]) and for l1_ratio (default [0, 1]) */
  logCRange?: readonly [number, number];
  l1RatioRange?: readonly [number, number];
}

/** Proposals drawn per trial, and the share of trials counted as "good" (Bergstra et al. use 24 and 15–25%). */
const CANDIDATES = 24;
const GOOD_FRACTION = 0.25;
/** l1_ratio within this distance of 0 or 1 snaps to pure ridge or pure lasso, which a continuous draw never hits. */
const SNAP = 0.02;

interface Point {
  /** coordinates scaled to [0, 1]²: (log10 C, l1_ratio) */
  u: number;
  r: number;
}

/**
 * Seeded adaptive search over log C × l1_ratio for a budget of trials: a small Tree-structured Parzen Estimator
 * (Bergstra, Bardenet, Bengio & Kégl 2011, "Algorithms for Hyper-Parameter Optimization", NeurIPS; the scheme of
 * hyperopt and Optuna's default sampler).
 *  1. The first max(4, ⌈trials/4⌉) trials are a Latin hypercube over the box (each stratum of each axis once).
 *  2. Then, each trial: split finished trials into the best 25% ("good") and the rest; draw 24 candidates around
 *     good points (Gaussian, bandwidth shrinking as trials accumulate); fit the one maximising l(x)/g(x), the ratio of
 *     the good and bad Parzen densities (the expected-improvement criterion of TPE).
 * Each fit is warm-started from the finished trial nearest in the box, and reported through onTrial as it finishes
 * (same contract as gridSearchLinear). Same data, options and seed ⇒ same trials and bitwise-equal coefficients.
 * @throws RangeError if trials < 1 or a range is empty
 */
export async function adaptiveSearch(input: LinearSearchInput & AdaptiveSearchOptions): Promise<LinearSearchResult> {
  const { trials: budget } = input;
  const [cLow, cHigh] = input.logCRange ?? [-4, 2];
  const [rLow, rHigh] = input.l1RatioRange ?? [0, 1];
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`adaptiveSearch: trials must be a positive integer, got ${budget}`);
  if (!(cHigh > cLow) || !(rHigh >= rLow) || rLow < 0 || rHigh > 1) throw new RangeError("adaptiveSearch: logCRange must be increasing and l1RatioRange inside [0, 1]");
  const random = seededRandom(input.seed ?? 0);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const startup = Math.min(budget, Math.max(4, Math.ceil(budget / 4)));
  const design = latinHypercube(startup, random);
  const points: Point[] = [];
  const models: LinearModel[] = [];
  const trials: LinearTrial[] = [];
  let best: (LinearTrial & { model: LinearModel }) | undefined;
  for (let t = 0; t < budget; t++) {
    const proposed = t < startup ? design[t]! : propose(points, trials, input.direction, random, normal);
    const r = snap(rLow + proposed.r * (rHigh - rLow));
    const point = { u: proposed.u, r: rHigh > rLow ? (r - rLow) / (rHigh - rLow) : 0 };
    const params = { C: 10 ** (cLow + point.u * (cHigh - cLow)), l1_ratio: r };
    const { trial, model } = evaluateTrial(input, t, params, models[nearest(points, point)]);
    points.push(point);
    models.push(model);
    trials.push(trial);
    if (!best || isBetter(trial.score, best.score, input.direction)) best = { ...trial, model };
    await input.onTrial?.(trial);
  }
  return { trials, models, best: best! };
}

function snap(r: number): number {
  return r < SNAP ? 0 : r > 1 - SNAP ? 1 : r;
}

/** n points in [0, 1]², one per stratum on each axis, strata shuffled independently (McKay, Beckman & Conover 1979). */
function latinHypercube(n: number, random: () => number): Point[] {
  const shuffled = () => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  };
  const us = shuffled();
  const rs = shuffled();
  return us.map((stratum, k) => ({ u: (stratum + random()) / n, r: (rs[k]! + random()) / n }));
}

/** Index of the finished point closest to p (−1, i.e. no warm start, before the first). */
function nearest(points: readonly Point[], p: Point): number {
  let best = -1;
  let bestDistance = Infinity;
  points.forEach((q, i) => {
    const d = (q.u - p.u) ** 2 + (q.r - p.r) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

function propose(
  points: readonly Point[],
  trials: readonly LinearTrial[],
  direction: LinearSearchInput["direction"],
  random: () => number,
  normal: () => number,
): Point {
  const ranked = trials.map((_, i) => i).sort((a, b) => (isBetter(trials[a]!.score, trials[b]!.score, direction) ? -1 : isBetter(trials[b]!.score, trials[a]!.score, direction) ? 1 : a - b));
  const goodCount = Math.max(1, Math.ceil(GOOD_FRACTION * ranked.length));
  const good = ranked.slice(0, goodCount).map((i) => points[i]!);
  const bad = ranked.slice(goodCount).map((i) => points[i]!);
  // Scott-like bandwidth in the unit box: wide while few trials are known, narrower as they accumulate.
  const bandwidth = Math.max(0.05, 0.5 * points.length ** (-1 / 6) - 0.2);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  let chosen: Point | undefined;
  let chosenValue = -Infinity;
  for (let c = 0; c < CANDIDATES; c++) {
    const centre = good[Math.floor(random() * good.length)]!;
    const candidate = { u: clamp(centre.u + bandwidth * normal()), r: clamp(centre.r + bandwidth * normal()) };
    if (points.some((q) => Math.abs(q.u - candidate.u) < 1e-3 && Math.abs(q.r - candidate.r) < 1e-3)) continue;
    const value = Math.log(parzen(good, candidate, bandwidth)) - Math.log(parzen(bad, candidate, bandwidth));
    if (value > chosenValue) {
      chosenValue = value;
      chosen = candidate;
    }
  }
  return chosen ?? { u: random(), r: random() }; // every candidate repeated a finished point: explore instead
}

/** Parzen density of `points` at p with a Gaussian kernel, mixed with a uniform prior of weight 1 (as in TPE). */
function parzen(points: readonly Point[], p: Point, bandwidth: number): number {
  let total = 1; // the prior: density 1 on the unit box
  for (const q of points) {
    const d = ((q.u - p.u) ** 2 + (q.r - p.r) ** 2) / (bandwidth * bandwidth);
    total += Math.exp(-0.5 * d) / (2 * Math.PI * bandwidth * bandwidth);
  }
  return total / (points.length + 1);
}
