import "server-only";
import { getPool } from "../db/client.ts";
import { getRunDetail, type RunDetail } from "../pipelines/run-queries.ts";
import { blockingRunOf, type BlockingRun } from "./run-wait.ts";

export interface RunValidation {
  dqRunId: string;
  suite: string;
  status: string;
  rowCount: number;
  rejectedRows: number;
}

/** What the run page shows: the run, the run it waits behind (when queued), and the validations it ran. */
export interface RunView extends RunDetail {
  blockingRun: BlockingRun | null;
  validations: RunValidation[];
  /** Rejected rows this run recorded (dqm.rejects), what the fix hint links to when there are any. */
  rejectedRows: number;
}

/** The validations a run ran, oldest first, and the rejected rows it recorded. */
export async function validationsOfRun(runId: string): Promise<{ validations: RunValidation[]; rejectedRows: number }> {
  const { pool } = await getPool();
  const [dq, rejects] = await Promise.all([
    pool.query<RunValidation>(
      `SELECT id AS "dqRunId", suite, status, row_count AS "rowCount", rejected_rows AS "rejectedRows" FROM dqm.dq_runs WHERE run_id = $1 ORDER BY evaluated_at, suite`,
      [runId],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM dqm.rejects WHERE run_id = $1`, [runId]),
  ]);
  return { validations: dq.rows, rejectedRows: rejects.rows[0].n };
}

/** A run with everything its page needs; the stack trace only for viewers allowed to see server internals. */
export async function getRunView(runId: string, opts: { withStack: boolean }): Promise<RunView | null> {
  const run = await getRunDetail(runId);
  if (!run) return null;
  const [blockingRun, checks] = await Promise.all([run.status === "queued" ? blockingRunOf(runId) : null, validationsOfRun(runId)]);
  return { ...run, errorStack: opts.withStack ? run.errorStack : null, blockingRun, ...checks };
}
