// Statistical tuning of monitoring: typed constants, not env (STYLE §2). Each value says why it is what it is.

export const DRIFT_DEFAULTS = {
  /** PSI at or above this is "warn": the common credit-scoring rule of thumb (0.1 = small shift worth a look). */
  psiWarn: 0.1,
  /** PSI at or above this is "fail": the same rule of thumb's "significant shift" level. */
  psiFail: 0.25,
  /** p-value tests (KS, chi-square, z) call drift below this: Evidently's default threshold. */
  pThreshold: 0.05,
  /** distance tests (normed Wasserstein, Jensen–Shannon) call drift at or above this: Evidently's default. */
  distanceThreshold: 0.1,
  /**
   * Reference samples of at most this many (non-missing) rows get p-value tests, larger ones distance tests:
   * Evidently's rule, because with thousands of rows a p-value flags practically irrelevant shifts.
   */
  smallReferenceRows: 1000,
  /** A dataset drifts when at least this share of its columns drift: Evidently's DatasetDriftMetric default. */
  shareThreshold: 0.5,
} as const;

/** PSI uses 10 reference-quantile bins (deciles): the number the PSI rules of thumb were calibrated on. */
export const PSI_BINS = 10;

/**
 * PSI gets a pass/warn/fail verdict only with at least this many non-missing values on each side: with 10 bins the
 * PSI of two samples of one distribution averages about 9 / n, so below ~100 values chance alone crosses 0.1.
 */
export const PSI_MIN_ROWS = 100;

/** Empty PSI bins get this share so ln(c/b) stays finite (the reference's floor; Evidently floors similarly). */
export const PSI_FLOOR = 1e-6;

/** Drawing histograms: numeric columns get this many equal-width bins over the union range. */
export const HISTOGRAM_BINS = 20;

/** Drawing histograms: categorical columns show this many most frequent categories, the rest as one bar. */
export const HISTOGRAM_TOP_CATEGORIES = 20;
