import "server-only";
import { z } from "zod";
import { query } from "../db/sql.ts";
import type { RiskBandName } from "./prediction-filters.ts";

/** One of a customer's three largest SHAP contributions (log-odds scale; > 0 raises the churn risk). */
export interface ReasonView {
  feature: string;
  value: number | string | null;
  contribution: number;
}

export interface PredictionRowView {
  rank: number;
  entityId: string;
  /** YYYY-MM-DD, null for tables without dates */
  asOf: string | null;
  probability: number;
  riskBand: string;
  /** the three largest contributions (top-K rows only); null for customers outside the top K */
  reasons: ReasonView[] | null;
}

export interface PredictionFilter {
  runId: string;
  band?: RiskBandName;
  /** part of a customer id, case-insensitive */
  q?: string;
}

export interface PredictionPage {
  rows: PredictionRowView[];
  /** rows matching the filter */
  total: number;
  page: number;
  pageSize: number;
  /** customers per band in the whole run (not filtered): the filter's counts */
  bandCounts: Record<RiskBandName, number>;
}

const reasonsSchema = z.array(z.object({ feature: z.string(), value: z.union([z.number(), z.string(), z.null()]), contribution: z.number() }));

/** The stored reasons, or null when absent or not the expected shape (never shown as raw JSON). */
export function parseReasons(raw: unknown): ReasonView[] | null {
  const parsed = reasonsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** LIKE pattern matching `text` anywhere, its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(f: PredictionFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.runId];
  const parts = ["run_id = $1"];
  if (f.band) {
    params.push(f.band);
    parts.push(`risk_band = $${params.length}`);
  }
  if (f.q) {
    params.push(containsPattern(f.q));
    parts.push(`entity_id ILIKE $${params.length}`);
  }
  return { sql: parts.join(" AND "), params };
}

interface Row {
  rank: number;
  entity_id: string;
  as_of: string | null;
  probability: number;
  risk_band: string;
  reasons: unknown;
}

const SELECT = `SELECT rank, entity_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, probability, risk_band, reasons FROM ops.predictions`;

const toView = (r: Row): PredictionRowView => ({
  rank: r.rank,
  entityId: r.entity_id,
  asOf: r.as_of,
  probability: r.probability,
  riskBand: r.risk_band,
  reasons: parseReasons(r.reasons),
});

/** One page of a run's predictions in rank order (rank 1 = highest probability), filtered by band and id. */
export async function listRunPredictions(filter: PredictionFilter, page = 1, pageSize = 50): Promise<PredictionPage> {
  const w = where(filter);
  const offset = (Math.max(1, page) - 1) * pageSize;
  const [rows, [count], bands] = await Promise.all([
    query<Row>(`${SELECT} WHERE ${w.sql} ORDER BY rank LIMIT ${pageSize} OFFSET ${offset}`, w.params),
    query<{ total: number }>(`SELECT count(*)::int AS total FROM ops.predictions WHERE ${w.sql}`, w.params),
    query<{ band: string; n: number }>(`SELECT risk_band AS band, count(*)::int AS n FROM ops.predictions WHERE run_id = $1 GROUP BY risk_band`, [filter.runId]),
  ]);
  const bandCounts: Record<RiskBandName, number> = { high: 0, medium: 0, low: 0 };
  for (const b of bands) if (b.band in bandCounts) bandCounts[b.band as RiskBandName] = b.n;
  return { rows: rows.map(toView), total: count!.total, page: Math.max(1, page), pageSize, bandCounts };
}

/** Every matching prediction in rank order, `batch` rows at a time (keyset on rank): the table's CSV download. */
export async function* iterateRunPredictions(filter: PredictionFilter, batch = 5000): AsyncGenerator<PredictionRowView[]> {
  const w = where(filter);
  let after = 0;
  for (;;) {
    const rows = await query<Row>(`${SELECT} WHERE ${w.sql} AND rank > $${w.params.length + 1} ORDER BY rank LIMIT ${batch}`, [...w.params, after]);
    if (rows.length === 0) return;
    yield rows.map(toView);
    after = rows[rows.length - 1]!.rank;
    if (rows.length < batch) return;
  }
}
