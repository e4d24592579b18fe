import { ident, query, withTransaction } from "../db/sql.ts";
import type { FrameSource } from "../features/load-frame.ts";
import { averagePrecision } from "../ml/metrics/average-precision.ts";
import { brierScore } from "../ml/metrics/brier-score.ts";
import { calibrationBins } from "../ml/metrics/calibration-bins.ts";
import { rocAuc } from "../ml/metrics/roc-auc.ts";
import { effectiveK, precisionAtK } from "../monitoring/estimate/precision-at-k.ts";
import type { SegmentRow } from "./segment-row.ts";

// Once a scored cohort's labels exist, how well did the champion do, overall and per segment? Labels come from the
// label column of a frame source (features.*.churn, a table's target) joined to the run's predictions on entity and
// as-of: for e-learning the *newer* load's features hold the 30-day outcome of a day scored a month ago.

/** Segments smaller than this, or with one class, get counts but no metrics (AUCs of a handful of rows are noise). */
export const MIN_SEGMENT_ROWS = 30;
/** Columns with more distinct values than this are not used as segments. */
const MAX_SEGMENTS_PER_COLUMN = 30;

export type { SegmentRow };

/** Metrics of one group of scored rows (null metrics when too small or one class). */
export function segmentMetrics(y: Uint8Array, p: Float64Array, k: number, prAucThreshold: number): Omit<SegmentRow, "segmentColumn" | "segmentValue"> {
  let positives = 0;
  for (const v of y) positives += v;
  const rows = y.length;
  const kk = rows > 0 ? effectiveK(k, rows) : 0;
  if (rows < MIN_SEGMENT_ROWS || positives === 0 || positives === rows) {
    return { rows, positives, rocAuc: null, prAuc: null, k: kk, precisionAtK: null, brier: null, calibrationError: null, flagged: false };
  }
  const prAuc = averagePrecision(y, p);
  let ece = 0;
  for (const b of calibrationBins(y, p, 10)) if (b.count > 0) ece += (b.count / rows) * Math.abs(b.observed_rate! - b.mean_predicted!);
  return { rows, positives, rocAuc: rocAuc(y, p), prAuc, k: kk, precisionAtK: precisionAtK(y, p, kk), brier: brierScore(y, p), calibrationError: ece, flagged: prAuc < prAucThreshold };
}

/**
 * Realised performance of scoring run `runId` with labels from `labels` (a frame source with a label column): writes
 * monitoring.segment_metrics (overall as "(all)", then per value of each categorical feature) and returns the
 * overall row, or null when none of the run's rows has a label yet.
 */
export async function realisedPerformance(
  runId: string,
  dataset: string,
  labels: FrameSource,
  opts: { k: number; prAucThreshold: number; labelsFrom: string },
): Promise<SegmentRow | null> {
  if (!labels.labelColumn) return null;
  const segments = labels.features.filter((f) => f.kind === "categorical").map((f) => f.name);
  const n = labels.filter?.params.length ?? 0;
  const onAsOf = labels.asOfColumn ? ` AND t.${ident(labels.asOfColumn)} = p.as_of` : "";
  const rows = await query<{ p: number; y: number; segs: (string | null)[] }>(
    `SELECT p.probability AS p, t.${ident(labels.labelColumn)}::int AS y, ARRAY[${segments.map((s) => `t.${ident(s)}::text`).join(", ") || "NULL::text"}]::text[] AS segs
       FROM ops.predictions p
       JOIN ${ident(labels.relation)} t ON t.${ident(labels.entityColumn)}::text = p.entity_id${onAsOf} AND (${labels.filter?.sql ?? "true"})
      WHERE p.run_id = $${n + 1} AND t.${ident(labels.labelColumn)} IS NOT NULL
      ORDER BY p.rank`,
    [...(labels.filter?.params ?? []), runId],
  );
  if (rows.length === 0) return null;
  const y = Uint8Array.from(rows, (r) => r.y);
  const p = Float64Array.from(rows, (r) => r.p);
  const out: SegmentRow[] = [{ segmentColumn: "(all)", segmentValue: "(all)", ...segmentMetrics(y, p, opts.k, opts.prAucThreshold) }];
  segments.forEach((column, c) => {
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const v = r.segs[c] ?? "(missing)";
      let g = groups.get(v);
      if (!g) groups.set(v, (g = []));
      g.push(i);
    });
    if (groups.size > MAX_SEGMENTS_PER_COLUMN) return;
    for (const [value, idx] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      out.push({ segmentColumn: column, segmentValue: value, ...segmentMetrics(Uint8Array.from(idx, (i) => y[i]!), Float64Array.from(idx, (i) => p[i]!), opts.k, opts.prAucThreshold) });
    }
  });
  await withTransaction(async (client) => {
    await client.query("DELETE FROM monitoring.segment_metrics WHERE run_id = $1", [runId]);
    await client.query(
      `INSERT INTO monitoring.segment_metrics (run_id, dataset, segment_column, segment_value, rows, positives, roc_auc, pr_auc, k, precision_at_k, brier, calibration_error, flagged, labels_from)
       SELECT $1, $2, * , $3 FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::float8[], $9::float8[], $10::int[], $11::float8[], $12::float8[], $13::float8[], $14::boolean[])`,
      [runId, dataset, opts.labelsFrom, out.map((r) => r.segmentColumn), out.map((r) => r.segmentValue), out.map((r) => r.rows), out.map((r) => r.positives),
       out.map((r) => r.rocAuc), out.map((r) => r.prAuc), out.map((r) => r.k), out.map((r) => r.precisionAtK), out.map((r) => r.brier),
       out.map((r) => r.calibrationError), out.map((r) => r.flagged)],
    );
  });
  return out[0]!;
}
