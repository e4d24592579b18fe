import { getDb } from "../db/client.ts";
import { compileSuite } from "./compile-suite.ts";
import { countExpectations } from "./count-expectations.ts";
import { countExpectationsInChunks } from "./count-in-chunks.ts";
import type { ExpectationSuite, SuiteResult } from "./expectation-types.ts";
import { judgeExpectations } from "./judge-expectations.ts";
import { sampleFailures } from "./sample-failures.ts";
import { saveDqRun } from "./save-dq-run.ts";
import { tableColumns } from "./table-columns.ts";

export interface RunSuiteOptions {
  /** The pipeline run validated: its earlier results for this suite are replaced. */
  runId?: string | null;
  /** Failing rows kept per expectation (default SAMPLE_SIZE). */
  sampleSize?: number;
  /**
   * The physical table to read instead of suite.table, e.g. a staged copy validated before it replaces the real
   * table. Results and rejects still name suite.table: that is the table the rows are meant for.
   */
  table?: string;
}

/**
 * Validates one table against a suite, set-based: each expectation is compiled once; one scan counts them all (in
 * short chunks on the embedded engine: count-in-chunks.ts);
 * up to sampleSize failing rows are kept per failed row expectation; failing rows of fail-severity row expectations
 * are copied to dqm.rejects (with the row as JSON, file and line); one dqm.dq_runs row keeps the full result.
 */
export async function runSuite(suite: ExpectationSuite, opts: RunSuiteOptions = {}): Promise<SuiteResult & { dqRunId: string }> {
  const started = performance.now();
  const { engine, pool } = await getDb();
  const client = await pool.connect();
  try {
    const table = opts.table ?? suite.table;
    const compiled = compileSuite(suite, await tableColumns(client, table), table);
    // Embedded: one scan of a big table would hold PGlite's only session and freeze every page for seconds.
    // Postgres (MVCC, a backend per connection) keeps the single scan.
    const counts = engine === "embedded" ? await countExpectationsInChunks(client, compiled) : await countExpectations(client, compiled);
    const judged = judgeExpectations(compiled, counts);
    const samples = await sampleFailures(client, compiled, judged, opts.sampleSize);
    const results = judged.map((r, i) => ({ ...r, sample: samples[i] }));
    return await saveDqRun(client, compiled, results, { runId: opts.runId ?? null, rowCount: counts.rows, started });
  } finally {
    client.release();
  }
}
