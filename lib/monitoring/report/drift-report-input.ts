// What renderDriftReport draws: one drift run, produced by the drift pipeline from its statistics (lib/monitoring/
// drift) and the run/model rows. Plain JSON, so it can be stored beside the report and re-rendered.

/** Bin counts (or shares) of one column in the reference and the current data; the renderer plots shares. */
export type DriftHistogram =
  | { kind: "numeric"; edges: number[]; reference: number[]; current: number[] }
  | { kind: "categorical"; categories: string[]; reference: number[]; current: number[] };

export interface DriftReportColumn {
  column: string;
  kind: "numeric" | "categorical";
  /** the test's name, e.g. "ks", "chisquare", "z", "wasserstein", "jensenshannon" */
  test: string;
  statistic: number;
  /** present for the p-value tests (drift when p < threshold); null for distances (drift when statistic ≥ threshold) */
  pValue: number | null;
  threshold: number;
  drifted: boolean;
  /** Population Stability Index on reference-quantile bins (numeric columns), else null */
  psi: number | null;
  psiStatus: "pass" | "warn" | "fail" | null;
  histogram: DriftHistogram;
}

export interface DriftReportInput {
  title: string;
  dataset: string;
  runId: string;
  /** ISO timestamp of the drift run, shown as given */
  createdAt: string;
  /** the model whose reference (training) data is compared; null when there is none */
  model: { name: string; version: number } | null;
  referenceLabel: string;
  currentLabel: string;
  referenceRows: number;
  currentRows: number;
  /** dataset drift when share ≥ shareThreshold */
  shareThreshold: number;
  /** drifted columns / columns */
  share: number;
  datasetDrift: boolean;
  status: "pass" | "warn" | "fail";
  columns: DriftReportColumn[];
  /**
   * "model-drift" (default): the drift tests of a drift-* run. "psi-baseline": a data-quality PSI check against a
   * frozen baseline sample (psi-check-*): each column's verdict is PSI ≥ its threshold, and any failing column fails.
   */
  check?: "model-drift" | "psi-baseline";
}
