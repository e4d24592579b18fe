import { query, withTransaction } from "../db/sql.ts";
import { loadFrame } from "../features/load-frame.ts";
import { columnMeans } from "../ml/explain/column-means.ts";
import { linearShap, type ShapValues } from "../ml/explain/linear-shap.ts";
import type { PreprocessorJson } from "../ml/preprocess/preprocessor-json.ts";
import { preprocessorFromJSON } from "../ml/preprocess/preprocessor.ts";
import { GradientBoostingModel } from "../ml/tree/gradient-boosting-model.ts";
import { treeShap } from "../ml/tree/tree-shap.ts";
import type { RawFrame } from "../ml/types.ts";
import type { ScoringModel } from "./champion-version.ts";
import { isLinearFamily } from "./linear-sql.ts";
import { scoringSource, type ScoringFrame } from "./scoring-frame.ts";

// "Who is at risk and why": each of the run's top-K customers gets its three largest SHAP contributions (log-odds
// scale). Trees use exact path-dependent TreeSHAP; linear models use exact linear SHAP against the scored population
// as background (the model artifact keeps no training means), so a contribution reads "compared with the average
// customer scored today". Both are additive: base value + Σ contributions = the customer's margin.

export interface Reason {
  feature: string;
  /** the customer's raw value (null when missing) */
  value: number | string | null;
  contribution: number;
}

/** The top `count` contributions of row `i` by absolute size, with the raw values they explain. */
export function topReasons(shap: ShapValues, row: number, frame: RawFrame, frameRow: number, count = 3): Reason[] {
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const all = shap.features.map((feature, f) => ({ feature, contribution: shap.values[f * shap.rows + row]! }));
  all.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
  return all.slice(0, count).map(({ feature, contribution }) => {
    const c = byName.get(feature);
    const raw = c ? c.values[frameRow] : null;
    const value = raw === undefined || raw === null || (typeof raw === "number" && Number.isNaN(raw)) ? null : raw;
    return { feature, value, contribution };
  });
}

function shapOf(m: ScoringModel, frame: RawFrame, rows: Uint32Array): ShapValues {
  const pre = preprocessorFromJSON(m.artifact.preprocessing as PreprocessorJson);
  if (isLinearFamily(m.family)) {
    const { coef, intercept } = m.artifact.classifier as unknown as { coef: number[]; intercept: number };
    const background = columnMeans(pre.transform(frame).matrix);
    return linearShap(pre.transform(frame, { rows }).matrix, coef, intercept, background, pre.columns);
  }
  const model = GradientBoostingModel.fromJSON(m.artifact.classifier);
  return treeShap(model, pre.transform(frame, { rows }).matrix, pre.columns);
}

/** Writes `reasons` on the run's top-K predictions; returns how many rows were explained. */
export async function explainTopPredictions(runId: string, m: ScoringModel, target: ScoringFrame, topK: number): Promise<number> {
  const top = await query<{ rank: number; entity_id: string; day: number | null }>(
    `SELECT rank, entity_id, (as_of - DATE '1970-01-01') AS day FROM ops.predictions WHERE run_id = $1 AND rank <= $2 ORDER BY rank`,
    [runId, topK],
  );
  if (top.length === 0) return 0;
  const { source, where } = await scoringSource(target);
  const { frame } = await loadFrame(source, { labels: false, ...(where ? { where } : {}) });
  if (!frame.asOf && target.referenceDay !== undefined) frame.asOf = new Float64Array(frame.rows).fill(target.referenceDay);
  const at = new Map<string, number>();
  const ids = frame.entityIds!;
  for (let i = 0; i < frame.rows; i++) at.set(source.asOfColumn ? `${ids[i]}|${frame.asOf![i]}` : ids[i]!, i);
  const rows = Uint32Array.from(top.map((t) => at.get(source.asOfColumn ? `${t.entity_id}|${t.day}` : t.entity_id) ?? -1));
  if (rows.some((r) => r === 0xffffffff)) throw new Error(`explainTopPredictions: a top-${topK} customer of run ${runId} is missing from its scoring frame`);
  const shap = shapOf(m, frame, rows);
  const reasons = top.map((_, k) => topReasons(shap, k, frame, rows[k]!));
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
