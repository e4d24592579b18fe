import { query, type Queryable } from "../../db/sql.ts";
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

/** A row to write: a drift test's result, or a PSI baseline check's (test "psi"). */
export type DriftColumnInsert = Omit<DriftColumnRow, "test"> & { test: DriftColumnRow["test"] | "psi" };

/** Writes a run's per-column results (drift checks and PSI baseline checks alike) in one statement. */
export async function insertDriftColumns(client: Queryable, runId: string, rows: readonly DriftColumnInsert[]): Promise<void> {
  await client.query(
    `INSERT INTO monitoring.drift_columns (run_id, "column", kind, test, statistic, p_value, threshold, drifted, psi, psi_status, histogram)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::boolean[], $9::float8[], $10::text[], $11::jsonb[])`,
    [runId, rows.map((r) => r.column), rows.map((r) => r.kind), rows.map((r) => r.test), rows.map((r) => r.statistic),
     rows.map((r) => r.pValue), rows.map((r) => r.threshold), rows.map((r) => r.drifted), rows.map((r) => r.psi),
     rows.map((r) => r.psiStatus), rows.map((r) => JSON.stringify(r.histogram))],
  );
}
