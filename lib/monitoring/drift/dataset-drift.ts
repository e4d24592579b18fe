import { DRIFT_DEFAULTS } from "../config.ts";
import type { ColumnDriftResult } from "./types.ts";

export type DriftStatus = "pass" | "warn" | "fail";

export interface DatasetDriftResult {
  columns: ColumnDriftResult[];
  /** how many columns drifted */
  driftedColumns: number;
  /** driftedColumns / columns (0 when there are no columns) */
  share: number;
  /** share ≥ shareThreshold (Evidently's DatasetDriftMetric) */
  datasetDrift: boolean;
  /** largest PSI over the numeric columns; null when there is none */
  maxPsi: number | null;
  status: DriftStatus;
}

/**
 * Rolls column verdicts up to one dataset verdict.
 *
 * - datasetDrift: at least `shareThreshold` (default 0.5) of the columns drifted (Evidently's rule, ≥).
 * - status "fail": datasetDrift, or any column's PSI ≥ psiFail (its psiStatus is "fail");
 *   "warn": otherwise, any column drifted or any PSI ≥ psiWarn ("warn");
 *   "pass": neither.
 * PSI thresholds are the ones each column was computed with (its psiStatus), so they are not repeated here.
 *
 * @throws {RangeError} if shareThreshold is outside (0, 1]
 */
export function datasetDrift(columns: readonly ColumnDriftResult[], options: { shareThreshold?: number } = {}): DatasetDriftResult {
  const shareThreshold = options.shareThreshold ?? DRIFT_DEFAULTS.shareThreshold;
  if (!(shareThreshold > 0 && shareThreshold <= 1)) {
    throw new RangeError(`datasetDrift: shareThreshold must be in (0, 1], got ${shareThreshold}`);
  }
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? 0 : driftedColumns / columns.length;
  const drift = columns.length > 0 && share >= shareThreshold;
  let maxPsi: number | null = null;
  for (const c of columns) if (c.psi !== null && (maxPsi === null || c.psi > maxPsi)) maxPsi = c.psi;
  const anyPsi = (status: "warn" | "fail") => columns.some((c) => c.psiStatus === status);
  const status: DriftStatus = drift || anyPsi("fail") ? "fail" : driftedColumns > 0 || anyPsi("warn") ? "warn" : "pass";
  return { columns: [...columns], driftedColumns, share, datasetDrift: drift, maxPsi, status };
}
