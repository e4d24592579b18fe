import { query, withTransaction } from "../db/sql.ts";
import type { RawFrame } from "../ml/types.ts";
import type { ScoringModel } from "./champion-version.ts";
import { rowContributions } from "./contributions.ts";
import { loadPredictor } from "./row-predictor.ts";
import { loadScoringFrame, type ScoringFrame } from "./scoring-frame.ts";
import { subsetFrame } from "./subset-frame.ts";

// "Who is at risk and why": each of the run's top-K customers gets its three largest SHAP contributions (log-odds
// scale), computed by the same predictor as /api/predict and the what-if form (linear: exact SHAP against the
// training background; trees: path-dependent TreeSHAP), so a customer's reasons read the same everywhere.

export interface Reason {
  feature: string;
  /** the customer's raw value (null when missing) */
  value: number | string | null;
  contribution: number;
}

/** The customer's raw value of `feature` in row `i` of `frame` (null when missing). */
function rawValue(frame: RawFrame, feature: string, i: number): number | string | null {
  const c = frame.columns.find((col) => col.name === feature);
  const v = c ? c.values[i] : null;
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v)) ? null : v;
}

/** Writes `reasons` on the run's top-K predictions; returns how many rows were explained. */
export async function explainTopPredictions(runId: string, m: ScoringModel, target: ScoringFrame, topK: number): Promise<number> {
  const top = await query<{ rank: number; entity_id: string; day: number | null }>(
    `SELECT rank, entity_id, (as_of - DATE '1970-01-01') AS day FROM ops.predictions WHERE run_id = $1 AND rank <= $2 ORDER BY rank`,
    [runId, topK],
  );
  if (top.length === 0) return 0;
  const { source, raw: frame } = await loadScoringFrame(target);
  const keyOf = (id: string, day: number | null | undefined) => (source.asOfColumn ? `${id}|${day}` : id);
  const at = new Map<string, number>();
  for (let i = 0; i < frame.rows; i++) at.set(keyOf(frame.entityIds![i]!, frame.asOf?.[i]), i);
  const rows = top.map((t) => at.get(keyOf(t.entity_id, t.day)) ?? -1);
  if (rows.includes(-1)) throw new Error(`explainTopPredictions: a top-${topK} customer of run ${runId} is missing from its scoring frame`);
  const subset = subsetFrame(frame, rows);
  const { contributions } = loadPredictor(m.artifact).predict(subset, { contributions: true });
  const reasons = top.map((_, k) =>
    rowContributions(contributions!, subset.rows, k)
      .slice(0, 3)
      .map((c): Reason => ({ feature: c.feature, value: rawValue(subset, c.feature, k), contribution: c.value })),
  );
  await withTransaction(async (client) => {
    await client.query(
      `UPDATE ops.predictions p SET reasons = r.reasons
         FROM (SELECT unnest($2::int[]) AS rank, unnest($3::jsonb[]) AS reasons) r
        WHERE p.run_id = $1 AND p.rank = r.rank`,
      [runId, top.map((t) => t.rank), reasons.map((r) => JSON.stringify(r))],
    );
  });
  return top.length;
}
