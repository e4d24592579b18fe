import "server-only";
import { z } from "zod";
import { getPool } from "../../db/client.ts";
import { CANDIDATE_TABLE, CRYPTO_PIPELINE_ID, EVENTS_TABLE, HISTORY_TABLE } from "./crypto-contract.ts";

// Read models of the /crypto page: production row counts, the last runs with their suites, and this run's rejects.

/** Newest purchase days shown per page view: the rolling window and as many days before it. */
export const SHOWN_DAYS = 10;

export interface CryptoDayCount {
  day: string;
  cryptoType: string;
  active: number;
  inactive: number;
}

export interface CryptoProduction {
  /** Per purchase day (newest first) and crypto type, for the newest SHOWN_DAYS days. */
  counts: CryptoDayCount[];
  active: number;
  inactive: number;
  days: number;
  historyRows: number;
  newestBatch: string | null;
  candidateRows: number;
}

export async function cryptoProduction(shownDays = SHOWN_DAYS): Promise<CryptoProduction> {
  const { pool } = await getPool();
  const [counts, totals] = await Promise.all([
    pool.query<CryptoDayCount>(
      `SELECT purchase_date::text AS day, crypto_type AS "cryptoType",
              count(*) FILTER (WHERE is_active)::int AS active, count(*) FILTER (WHERE NOT is_active)::int AS inactive
         FROM ${EVENTS_TABLE}
        WHERE purchase_date IN (SELECT DISTINCT purchase_date FROM ${EVENTS_TABLE} ORDER BY purchase_date DESC LIMIT $1)
        GROUP BY purchase_date, crypto_type ORDER BY purchase_date DESC, crypto_type`,
      [shownDays],
    ),
    pool.query<{ active: number; inactive: number; days: number; history: number; newest: string | null; candidate: number }>(
      `SELECT (SELECT count(*) FILTER (WHERE is_active) FROM ${EVENTS_TABLE})::int AS active,
              (SELECT count(*) FILTER (WHERE NOT is_active) FROM ${EVENTS_TABLE})::int AS inactive,
              (SELECT count(DISTINCT purchase_date) FROM ${EVENTS_TABLE})::int AS days,
              (SELECT count(*) FROM ${HISTORY_TABLE})::int AS history,
              (SELECT max(batch_date)::text FROM ${HISTORY_TABLE}) AS newest,
              (SELECT count(*) FROM ${CANDIDATE_TABLE})::int AS candidate`,
    ),
  ]);
  const t = totals.rows[0]!;
  return { counts: counts.rows, active: t.active, inactive: t.inactive, days: t.days, historyRows: t.history, newestBatch: t.newest, candidateRows: t.candidate };
}

export interface CryptoSuiteResult {
  suite: string;
  status: string;
  rowCount: number;
  rejectedRows: number;
  dqRunId: string;
}

export interface CryptoRunView {
  id: string;
  status: string;
  trigger: string;
  createdAt: string;
  failureKind: string | null;
  errorMessage: string | null;
  window: { start: string; end: string } | null;
  received: number | null;
  suites: CryptoSuiteResult[];
  merge: { inserted: number; updated: number; deactivated: number; unchanged: number } | null;
}

// Step outputs are JSON written by the pipeline; read back through schemas so a changed shape shows as "—".
const receiveOutput = z.object({ window: z.object({ start: z.string(), end: z.string() }), received: z.array(z.unknown()) });
const mergeOutput = z.object({ inserted: z.number(), updated: z.number(), deactivated: z.number(), unchanged: z.number() });
const suitesOutput = z.array(z.object({ suite: z.string(), status: z.string(), rowCount: z.number(), rejectedRows: z.number(), dqRunId: z.string() }));

type RunRow = {
  id: string; status: string; trigger: string; created_at: Date; failure_kind: string | null; error_message: string | null;
  receive: unknown; merge: unknown; suites: unknown;
};

/** The newest runs of the crypto pipeline, each with its window, its suites' results and what the merge changed. */
export async function recentCryptoRuns(limit = 10, pipelineId = CRYPTO_PIPELINE_ID): Promise<CryptoRunView[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<RunRow>(
    `SELECT r.id, r.status::text AS status, r.trigger::text AS trigger, r.created_at, r.failure_kind, r.error_message,
            (SELECT s.output FROM ops.pipeline_steps s WHERE s.run_id = r.id AND s.step_id = 'receive-history' AND s.status = 'succeeded') AS receive,
            (SELECT s.output FROM ops.pipeline_steps s WHERE s.run_id = r.id AND s.step_id = 'merge-production' AND s.status = 'succeeded') AS merge,
            coalesce((SELECT jsonb_agg(jsonb_build_object('suite', d.suite, 'status', d.status, 'rowCount', d.row_count, 'rejectedRows', d.rejected_rows, 'dqRunId', d.id)
                               ORDER BY d.evaluated_at, d.suite)
                        FROM dqm.dq_runs d WHERE d.run_id = r.id), '[]'::jsonb) AS suites
       FROM ops.pipeline_runs r
      WHERE r.pipeline_id = $1
      ORDER BY r.created_at DESC, r.id LIMIT $2`,
    [pipelineId, limit],
  );
  return rows.map((r) => {
    const receive = receiveOutput.safeParse(r.receive);
    const merge = mergeOutput.safeParse(r.merge);
    const suites = suitesOutput.safeParse(r.suites);
    return {
      id: r.id, status: r.status, trigger: r.trigger, createdAt: r.created_at.toISOString(), failureKind: r.failure_kind, errorMessage: r.error_message,
      window: receive.success ? receive.data.window : null,
      received: receive.success ? receive.data.received.length : null,
      suites: suites.success ? suites.data : [],
      merge: merge.success ? merge.data : null,
    };
  });
}

export interface RejectReasonCount {
  suite: string;
  reasonCode: string;
  rows: number;
}

/** Rejected rows of one run by suite and reason code. */
export async function rejectReasonsOf(runId: string): Promise<RejectReasonCount[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<RejectReasonCount>(
    `SELECT suite, reason_code AS "reasonCode", count(DISTINCT (file_id, source_line))::int AS rows
       FROM dqm.rejects WHERE run_id = $1 GROUP BY suite, reason_code ORDER BY suite, reason_code`,
    [runId],
  );
  return rows;
}
