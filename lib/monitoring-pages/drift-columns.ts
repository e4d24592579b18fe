import "server-only";
import { z } from "zod";
import { query } from "../db/sql.ts";

/** Reference vs current proportions per bin (numeric: bins between edges; categorical: one bin per category). */
export type DriftHistogram =
  | { kind: "numeric"; edges: number[]; reference: number[]; current: number[] }
  | { kind: "categorical"; categories: string[]; reference: number[]; current: number[] };

export interface DriftColumnView {
  column: string;
  kind: string;
  /** ks | chi_square | z_test | wasserstein_normed | jensen_shannon */
  test: string;
  statistic: number;
  pValue: number | null;
  threshold: number;
  drifted: boolean;
  psi: number | null;
  psiStatus: string | null;
  /** null when the stored histogram is not one of the two shapes (then the page says so instead of drawing) */
  histogram: DriftHistogram | null;
}

const histogramSchema = z.union([
  z
    .object({ kind: z.literal("numeric"), edges: z.array(z.number()), reference: z.array(z.number()), current: z.array(z.number()) })
    .refine((h) => h.reference.length === h.current.length && h.edges.length === h.reference.length + 1),
  z
    .object({ kind: z.literal("categorical"), categories: z.array(z.string()), reference: z.array(z.number()), current: z.array(z.number()) })
    .refine((h) => h.reference.length === h.current.length && h.categories.length === h.reference.length),
]);

/** The stored histogram if it has one of the two shapes with matching lengths, else null. */
export function parseHistogram(raw: unknown): DriftHistogram | null {
  const parsed = histogramSchema.safeParse(raw);
  return parsed.success ? (parsed.data as DriftHistogram) : null;
}

/** A drift check's columns: drifted first, then by PSI (largest first), then by name. */
export async function driftColumns(runId: string): Promise<DriftColumnView[]> {
  const rows = await query<{
    column: string; kind: string; test: string; statistic: number; p_value: number | null; threshold: number; drifted: boolean; psi: number | null; psi_status: string | null; histogram: unknown;
  }>(
    `SELECT "column", kind, test, statistic, p_value, threshold, drifted, psi, psi_status, histogram
       FROM monitoring.drift_columns WHERE run_id = $1
      ORDER BY drifted DESC, psi DESC NULLS LAST, "column"`,
    [runId],
  );
  return rows.map((r) => ({
    column: r.column,
    kind: r.kind,
    test: r.test,
    statistic: r.statistic,
    pValue: r.p_value,
    threshold: r.threshold,
    drifted: r.drifted,
    psi: r.psi,
    psiStatus: r.psi_status,
    histogram: parseHistogram(r.histogram),
  }));
}
