import type pg from "pg";
import { bulkLoad, type ColumnBatch } from "../db/bulk-load.ts";
import { getDb } from "../db/client.ts";
import { ident, withTransaction } from "../db/sql.ts";
import type { PreprocessorJson } from "../ml/preprocess/preprocessor-json.ts";
import type { RawFrame } from "../ml/types.ts";
import type { ScoringModel } from "./champion-version.ts";
import { dayNumberSql, featureValueSql } from "../features/feature-value-sql.ts";
import { isLinearFamily, linearMarginSql, sigmoidSql } from "./linear-sql.ts";
import { riskBand, riskBandSql } from "./risk-band.ts";
import { loadPredictor } from "./row-predictor.ts";
import { loadScoringFrame, scoringSource, type ScoringFrame } from "./scoring-frame.ts";

// Batch scoring writes one row per scored customer into ops.predictions, ranked by probability (ties by entity id
// in byte order, then as-of, identically in both paths). Linear champions score inside the database; other
// families load the frame into typed arrays and score in Node. Either way a retried run replaces its own rows in
// one transaction, so a crash never leaves half a run.

export interface ScoreResult {
  rows: number;
  scoredIn: "postgres" | "node";
  durationMs: number;
}

export interface ScoreOptions {
  highRiskThreshold: number;
  /** force a path (tests compare both on the same linear model) */
  scoreIn?: "postgres" | "node";
  signal?: AbortSignal;
}

const COLUMNS = "run_id, rank, model_version_id, model, version, dataset, entity_id, as_of, probability, risk_band";

/**
 * The INSERT … SELECT that scores `frame` with linear model `m` inside the database. The OFFSET 0 fences keep the
 * planner from flattening the subqueries: flattened, the margin expression (one term per feature) is pasted into
 * every place that reads z or p (the sigmoid's branches, the rank's sort key, the risk band) and evaluated up to
 * ten times per row; fenced, once.
 */
export async function predictionsInsertSql(runId: string, m: ScoringModel, frame: ScoringFrame, threshold: number): Promise<{ sql: string; params: unknown[] }> {
  const { source, where } = await scoringSource(frame);
  const preprocessing = m.artifact.preprocessing as PreprocessorJson;
  const margin = linearMarginSql(preprocessing, m.artifact.classifier, {
    value: featureValueSql,
    asOfDay: source.asOfColumn ? dayNumberSql(source.asOfColumn) : frame.referenceDay !== undefined ? `${frame.referenceDay}::float8` : null,
  });
  const filterParams = source.filter?.params ?? [];
  const params = [...filterParams, ...(where?.params ?? [])];
  const n = params.length;
  const asOf = source.asOfColumn ? `t.${ident(source.asOfColumn)}::date` : "NULL::date";
  const sql = `
    INSERT INTO ops.predictions (${COLUMNS})
    SELECT $${n + 1}::uuid, row_number() OVER (ORDER BY p DESC, entity_id COLLATE "C", as_of)::int, $${n + 2}::uuid, $${n + 3}, $${n + 4}::int, $${n + 5},
           entity_id, as_of, p, ${riskBandSql("p", threshold)}
      FROM (SELECT entity_id, as_of, ${sigmoidSql("z")} AS p
              FROM (SELECT t.${ident(source.entityColumn)}::text AS entity_id, ${asOf} AS as_of, (${margin}) AS z
                      FROM ${ident(source.relation)} t
                     WHERE (${source.filter?.sql ?? "true"}) AND (${where?.sql ?? "true"})
                    OFFSET 0) scored_margins
             OFFSET 0) scored`;
  return { sql, params: [...params, runId, m.versionId, m.model, m.version, m.dataset] };
}

async function scoreInPostgres(runId: string, m: ScoringModel, frame: ScoringFrame, threshold: number): Promise<number> {
  const { sql, params } = await predictionsInsertSql(runId, m, frame, threshold);
  return withTransaction(async (client) => {
    await client.query("DELETE FROM ops.predictions WHERE run_id = $1", [runId]);
    // The rank's sort holds every scored row (~70 bytes each): in memory rather than spilled to disk.
    await client.query("SET LOCAL work_mem = '64MB'");
    const r = await client.query(sql, params);
    return r.rowCount ?? 0;
  });
}

/** Probabilities of a frame in Node (any family): one preprocess, one model call. */
export function scoreFrameInNode(m: ScoringModel, frame: RawFrame): Float64Array {
  return loadPredictor(m.artifact).predict(frame).probability;
}

/** Row order of a run: probability descending, then entity id (code-unit order = COLLATE "C" for ids), then as-of. */
export function rankOrder(p: Float64Array, ids: readonly string[], asOf?: Float64Array): Uint32Array {
  const order = Uint32Array.from({ length: p.length }, (_, i) => i);
  order.sort((a, b) => p[b]! - p[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0) || (asOf ? asOf[a]! - asOf[b]! : 0));
  return order;
}

const BATCH = 20_000;

async function* predictionBatches(runId: string, m: ScoringModel, frame: RawFrame, p: Float64Array, order: Uint32Array, threshold: number): AsyncGenerator<ColumnBatch> {
  const ids = frame.entityIds!;
  for (let start = 0; start < order.length; start += BATCH) {
    const end = Math.min(order.length, start + BATCH);
    const len = end - start;
    const cols: unknown[][] = Array.from({ length: 10 }, () => new Array<unknown>(len));
    for (let k = 0; k < len; k++) {
      const i = order[start + k]!;
      const day = frame.asOf?.[i];
      cols[0]![k] = runId;
      cols[1]![k] = start + k + 1;
      cols[2]![k] = m.versionId;
      cols[3]![k] = m.model;
      cols[4]![k] = m.version;
      cols[5]![k] = m.dataset;
      cols[6]![k] = ids[i];
      cols[7]![k] = day === undefined || Number.isNaN(day) ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
      cols[8]![k] = p[i];
      cols[9]![k] = riskBand(p[i]!, threshold);
    }
    yield { columns: cols, length: len };
  }
}

const LOAD_COLUMNS = [
  { column: "run_id", pgType: "uuid" }, { column: "rank", pgType: "int" }, { column: "model_version_id", pgType: "uuid" },
  { column: "model", pgType: "text" }, { column: "version", pgType: "int" }, { column: "dataset", pgType: "text" },
  { column: "entity_id", pgType: "text" }, { column: "as_of", pgType: "date" }, { column: "probability", pgType: "float8" },
  { column: "risk_band", pgType: "text" },
] as const;

async function scoreInNode(runId: string, m: ScoringModel, frame: ScoringFrame, threshold: number, signal?: AbortSignal): Promise<number> {
  const { source, raw } = await loadScoringFrame(frame);
  const p = scoreFrameInNode(m, raw);
  const order = rankOrder(p, raw.entityIds!, source.asOfColumn ? raw.asOf : undefined);
  const { engine } = await getDb();
  return withTransaction(async (client: pg.PoolClient) => {
    await client.query("DELETE FROM ops.predictions WHERE run_id = $1", [runId]);
    // Tables without dates had asOf filled only for date ages: their predictions carry no as-of.
    const forRows = source.asOfColumn ? raw : { ...raw, asOf: undefined };
    return bulkLoad(client, engine, "ops.predictions", LOAD_COLUMNS, predictionBatches(runId, m, forRows, p, order, threshold), signal);
  });
}

/** Scores `frame` with model `m` into ops.predictions for run `runId` (replacing what the run wrote before). */
export async function scorePredictions(runId: string, m: ScoringModel, frame: ScoringFrame, options: ScoreOptions): Promise<ScoreResult> {
  const t0 = performance.now();
  const scoredIn = options.scoreIn ?? (isLinearFamily(m.family) ? "postgres" : "node");
  const rows =
    scoredIn === "postgres"
      ? await scoreInPostgres(runId, m, frame, options.highRiskThreshold)
      : await scoreInNode(runId, m, frame, options.highRiskThreshold, options.signal);
  return { rows, scoredIn, durationMs: performance.now() - t0 };
}
