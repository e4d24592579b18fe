import type { Queryable } from "../db/sql.ts";
import { ALIAS, type CompiledSuite } from "./compile-suite.ts";
import type { ExpectationResult } from "./expectation-types.ts";
import { raw, sql } from "./sql-fragment.ts";

/**
 * Copies the failing rows of fail-severity row expectations to dqm.rejects, each with its reason code, file and
 * line and the row as JSON (set-based: one INSERT … SELECT per expectation with failures). Rows of warn-severity
 * expectations stay where they are. Returns the number of distinct rejected rows.
 */
export async function writeRejects(
  client: Queryable,
  compiled: CompiledSuite,
  results: readonly ExpectationResult[],
  ids: { dqRunId: string; runId: string | null },
): Promise<number> {
  const { suite } = compiled;
  for (const [i, c] of compiled.expectations.entries()) {
    const r = results[i];
    if (!c.failing || r.severity !== "fail" || r.unexpectedCount === 0) continue;
    const t = raw(ALIAS);
    const { text, values } = sql`INSERT INTO dqm.rejects (dq_run_id, run_id, source, suite, expectation_id, reason_code, file_id, source_line, source_file, row_data)
      SELECT ${ids.dqRunId}::uuid, ${ids.runId}::uuid, ${suite.source}, ${suite.name}, ${r.id}, ${r.reasonCode}, ${t}.file_id, ${t}.source_line, f.name, ${compiled.rowJson}
        FROM ${compiled.relation} LEFT JOIN ops.ingested_files f ON f.id = ${t}.file_id
       WHERE ${c.failing}`.toQuery();
    await client.query(text, values);
  }
  const { rows } = await client.query<{ n: string }>("SELECT count(DISTINCT (file_id, source_line)) AS n FROM dqm.rejects WHERE dq_run_id = $1", [ids.dqRunId]);
  return Number(rows[0].n);
}
