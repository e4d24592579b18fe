import crypto from "node:crypto";
import type pg from "pg";
import type { CompiledSuite } from "./compile-suite.ts";
import type { ExpectationResult, SuiteResult } from "./expectation-types.ts";
import { suiteStatus } from "./judge-expectations.ts";
import { writeRejects } from "./write-rejects.ts";

/**
 * In one transaction: removes this pipeline run's earlier attempt at the suite (a rerun replaces, idempotent),
 * writes the rejects and one dqm.dq_runs row holding the full result.
 */
export async function saveDqRun(
  client: pg.ClientBase,
  compiled: CompiledSuite,
  results: ExpectationResult[],
  opts: { runId: string | null; rowCount: number; started: number },
): Promise<SuiteResult & { dqRunId: string }> {
  const { suite } = compiled;
  const status = suiteStatus(results);
  const dqRunId = crypto.randomUUID();
  await client.query("BEGIN");
  try {
    if (opts.runId) {
      await client.query("DELETE FROM dqm.rejects WHERE run_id = $1 AND suite = $2", [opts.runId, suite.name]);
      await client.query("DELETE FROM dqm.dq_runs WHERE run_id = $1 AND suite = $2", [opts.runId, suite.name]);
    }
    const rejectedRows = await writeRejects(client, compiled, results, { dqRunId, runId: opts.runId });
    const result: SuiteResult = {
      suite: suite.name, table: suite.table, source: suite.source, status, success: status !== "failed", rowCount: opts.rowCount, rejectedRows,
      evaluatedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - opts.started), results,
    };
    await client.query(
      `INSERT INTO dqm.dq_runs (id, run_id, source, suite, table_name, status, success, row_count, rejected_rows, duration_ms, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [dqRunId, opts.runId, suite.source, suite.name, suite.table, status, result.success, opts.rowCount, rejectedRows, result.durationMs, JSON.stringify(result)],
    );
    await client.query("COMMIT");
    return { ...result, dqRunId };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}
