import "server-only";
import { getPool } from "../db/client.ts";
import type { RunStatus } from "../db/generated/prisma/enums.ts";

export interface BlockingRun {
  id: string;
  pipelineId: string;
  status: RunStatus;
  concurrencyKey: string;
}

/**
 * The run a queued run waits behind: the one holding its concurrency key (running or cancelling), else the oldest
 * run queued before it with the same key (it starts first). Null when the run is not queued or nothing holds the key.
 */
export async function blockingRunOf(runId: string): Promise<BlockingRun | null> {
  const { pool } = await getPool();
  const { rows } = await pool.query<BlockingRun>(
    `SELECT h.id, h.pipeline_id AS "pipelineId", h.status::text AS status, h.concurrency_key AS "concurrencyKey"
       FROM ops.pipeline_runs r
       JOIN ops.pipeline_runs h ON h.concurrency_key = r.concurrency_key AND h.id <> r.id
      WHERE r.id = $1 AND r.status = 'queued'
        AND (h.status IN ('running', 'cancelling') OR (h.status = 'queued' AND (h.created_at, h.id) < (r.created_at, r.id)))
      ORDER BY h.status = 'queued', h.created_at, h.id LIMIT 1`,
    [runId],
  );
  return rows[0] ?? null;
}

/**
 * The run a new run with this concurrency key would wait behind: the one running (or cancelling), else the newest
 * queued one. The key, not the pipeline: e-learning sample and ingest share one, so either waits for the other.
 */
export async function activeRunForKey(concurrencyKey: string): Promise<BlockingRun | null> {
  const { pool } = await getPool();
  const { rows } = await pool.query<BlockingRun>(
    `SELECT id, pipeline_id AS "pipelineId", status::text AS status, concurrency_key AS "concurrencyKey" FROM ops.pipeline_runs
      WHERE concurrency_key = $1 AND status IN ('queued', 'running', 'cancelling') ORDER BY status = 'queued', created_at DESC, id LIMIT 1`,
    [concurrencyKey],
  );
  return rows[0] ?? null;
}

/** Whether any run is queued, running or cancelling: the live lists refresh only then. */
export async function anyRunActive(): Promise<boolean> {
  return (await runActivity()).active;
}

export interface RunActivity {
  active: boolean;
  /** Changes whenever a run is created or finishes: an idle list refreshes when it differs from what it showed. */
  signature: string;
}

/** One cheap row for the live lists' idle check (GET /api/runs/activity). */
export async function runActivity(): Promise<RunActivity> {
  const { pool } = await getPool();
  const { rows } = await pool.query<{ active: boolean; signature: string }>(
    `SELECT EXISTS (SELECT 1 FROM ops.pipeline_runs WHERE status IN ('queued', 'running', 'cancelling')) AS active,
            coalesce((SELECT max(created_at) FROM ops.pipeline_runs)::text, '') || '|' || coalesce((SELECT max(finished_at) FROM ops.pipeline_runs)::text, '') AS signature`,
  );
  return rows[0];
}
