import type { PsiStatus } from "./psi.ts";

/** One column of a sample: numbers (NaN = missing) or category labels (null = missing). */
export type ColumnValues =
  | { name: string; kind: "numeric"; values: Float64Array }
  | { name: string; kind: "categorical"; values: readonly (string | null)[] };

export type DriftTest = "ks" | "chi_square" | "z_test" | "wasserstein_normed" | "jensen_shannon";

/** Shares per bin or category, for drawing the two distributions side by side. */
export type DriftHistogram =
  | {
      kind: "numeric";
      /** finite, ascending; bins + 1 edges over the union range, bin i = [edges[i], edges[i+1]) (last bin closed) */
      edges: number[];
      reference: number[];
      current: number[];
    }
  | {
      kind: "categorical";
      /** most frequent first (by reference share + current share); "(other)" last when there are more */
      categories: string[];
      reference: number[];
      current: number[];
    };

/** The verdict for one column: plain JSON (no typed arrays, no ±Infinity, no NaN). */
export interface ColumnDriftResult {
  column: string;
  kind: "numeric" | "categorical";
  test: DriftTest;
  /** KS D, chi-square χ², z (signed: reference share − current share), normed Wasserstein, or JS distance */
  statistic: number;
  /** p-value of ks / chi_square / z_test; null for the distance tests */
  pValue: number | null;
  /** p-value tests: drift when pValue < threshold; distance tests: drift when statistic ≥ threshold */
  threshold: number;
  drifted: boolean;
  /** PSI on 10 reference-quantile bins; null for categorical columns */
  psi: number | null;
  psiStatus: PsiStatus | null;
  /** rows in the sample, missing ones included */
  referenceRows: number;
  currentRows: number;
  /** missing rows (NaN or ±Infinity; null for categories), dropped before every statistic */
  missingReference: number;
  missingCurrent: number;
  /** current categories the reference never had (most frequent first, at most 20); [] for numeric tests */
  newCategories: string[];
  histogram: DriftHistogram;
}

/** Thresholds and the small/large reference boundary; every field defaults to lib/monitoring/config.ts. */
export interface DriftOptions {
  psiWarn?: number;
  psiFail?: number;
  pThreshold?: number;
  distanceThreshold?: number;
  smallReferenceRows?: number;
}
