import { mulberry32, shuffleInPlace } from "../random.ts";
import { checkShare, type RowSplit } from "./row-split.ts";

/** Seed used when none is given, so two trainings of one snapshot split identically. */
export const DEFAULT_SPLIT_SEED = 42;

/** Options of stratifiedSplit. */
export interface StratifiedSplitOptions {
  /** share of each class that goes to the test set (default 0.2) */
  testShare?: number;
  /** share of each class's remaining rows that goes to validation (default 0: an 80/20 split) */
  validationShare?: number;
  /** PRNG seed (default DEFAULT_SPLIT_SEED) */
  seed?: number;
}

/**
 * Stratified random split of snapshot data: within each class, rows are shuffled with a seeded mulberry32
 * Fisher–Yates shuffle, the first round(testShare · n_class) go to test, the next round(validationShare · rest)
 * to validation, the others to train. Every set therefore has each class's share to within one row, and the same
 * labels and seed always give the same split.
 *
 * Reference: scikit-learn `train_test_split(stratify=y)` (same per-class allocation idea; its exact rows differ
 * because the random streams differ).
 *
 * O(n).
 *
 * @throws RangeError on a label other than 0/1 or bad shares
 */
export function stratifiedSplit(labels: Uint8Array, options: StratifiedSplitOptions = {}): RowSplit {
  const { testShare = 0.2, validationShare = 0, seed = DEFAULT_SPLIT_SEED } = options;
  checkShare("stratifiedSplit", "testShare", testShare);
  checkShare("stratifiedSplit", "validationShare", validationShare);
  const byClass: number[][] = [[], []];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`stratifiedSplit: labels[${i}] = ${y}; labels must be 0 or 1`);
    byClass[y].push(i);
  }
  const random = mulberry32(seed);
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const rows of byClass) {
    const shuffled = shuffleInPlace(Uint32Array.from(rows), random);
    const testCount = Math.round(testShare * shuffled.length);
    const validationCount = Math.round(validationShare * (shuffled.length - testCount));
    for (let k = 0; k < shuffled.length; k++) {
      if (k < testCount) test.push(shuffled[k]);
      else if (k < testCount + validationCount) validation.push(shuffled[k]);
      else train.push(shuffled[k]);
    }
  }
  const sorted = (xs: number[]) => Uint32Array.from(xs).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
}
