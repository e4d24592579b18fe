import type { DriftTest } from "./types.ts";

/** Numeric columns with at most this many distinct values (reference ∪ current) are tested as categories. */
export const LOW_CARDINALITY_MAX = 5;
/** Columns with at most this many distinct values are binary: z-test on small references. */
export const BINARY_MAX = 2;

/**
 * Evidently's default test choice (legacy/calculations/stattests/registry.py `_get_default_stattest`), with
 * `distinctValues` counted over reference ∪ current and `referenceRows` the non-missing reference rows:
 *
 * | reference rows      | numeric, > 5 distinct | ≤ 2 distinct | otherwise (categorical, or numeric ≤ 5) |
 * |---------------------|-----------------------|--------------|-----------------------------------------|
 * | ≤ smallReferenceRows | ks                    | z_test       | chi_square                              |
 * | > smallReferenceRows | wasserstein_normed    | jensen_shannon | jensen_shannon                        |
 *
 * Small references get p-value tests; large ones distance tests, because with thousands of rows any p-value
 * test flags shifts too small to matter.
 */
export function selectDriftTest(
  kind: "numeric" | "categorical",
  referenceRows: number,
  distinctValues: number,
  smallReferenceRows: number,
): DriftTest {
  const continuous = kind === "numeric" && distinctValues > LOW_CARDINALITY_MAX;
  if (referenceRows <= smallReferenceRows) {
    if (continuous) return "ks";
    return distinctValues <= BINARY_MAX ? "z_test" : "chi_square";
  }
  return continuous ? "wasserstein_normed" : "jensen_shannon";
}
