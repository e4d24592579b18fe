import { query } from "../../db/sql.ts";
import type { ColumnDriftResult } from "../../monitoring/drift/index.ts";

/** What monitoring.drift_columns keeps of a ColumnDriftResult: the report and the pages read these fields. */
export type DriftColumnRow = Pick<ColumnDriftResult, "column" | "kind" | "test" | "statistic" | "pValue" | "threshold" | "drifted" | "psi" | "psiStatus" | "histogram">;

/** A drift run's per-column results, drifted first, then by PSI (largest shift first). */
export async function readDriftColumns(runId: string): Promise<DriftColumnRow[]> {
  const rows = await query<{ column: string; kind: DriftColumnRow["kind"]; test: DriftColumnRow["test"]; statistic: number; p_value: number | null; threshold: number; drifted: boolean; psi: number | null; psi_status: DriftColumnRow["psiStatus"]; histogram: DriftColumnRow["histogram"] }>(
    `SELECT "column", kind, test, statistic, p_value, threshold, drifted, psi, psi_status, histogram FROM monitoring.drift_columns
      WHERE run_id = $1 ORDER BY drifted DESC, psi DESC NULLS LAST, "column"`,
    [runId],
  );
  return rows.map((r) => ({
    column: r.column, kind: r.kind, test: r.test, statistic: r.statistic, pValue: r.p_value, threshold: r.threshold, drifted: r.drifted,
    psi: r.psi, psiStatus: r.psi_status, histogram: r.histogram,
  }));
}
