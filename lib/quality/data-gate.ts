import { query } from "../db/sql.ts";
import { DataGateError } from "../pipelines/pipeline-errors.ts";
import type { ExpectationSuite, SuiteResult } from "./expectation-types.ts";
import { runSuite } from "./run-suite.ts";

export interface GateSummary {
  dqRunIds: string[];
  suites: { suite: string; status: SuiteResult["status"]; rowCount: number; rejectedRows: number; failed: string[]; warned: string[]; dqRunId: string }[];
}

/** Where the gate reads: by default each suite's own table; for a load not yet swapped in, its staged tables. */
export interface GateOptions {
  /** Real table -> table to validate instead (suites' tables and foreign-key references are both mapped). */
  tables?: Readonly<Record<string, string>>;
  /** File id -> file name for rejects whose file is not in ops.ingested_files yet. */
  fileNames?: Readonly<Record<string, string>>;
}

/** The suite as it reads the mapped tables (results are recorded under the real names again: recordUnder). */
function mapTables(suite: ExpectationSuite, tables: Readonly<Record<string, string>>): ExpectationSuite {
  const map = (t: string) => tables[t] ?? t;
  return {
    ...suite,
    table: map(suite.table),
    expectations: suite.expectations.map((e) => (e.kind === "foreign_key" ? { ...e, references: { ...e.references, table: map(e.references.table) } } : e)),
  };
}

/** A dq run of a staged table is recorded as the run of the real table it validated, with the files named. */
async function recordUnder(dqRunId: string, table: string, fileNames: Readonly<Record<string, string>>): Promise<void> {
  await query("UPDATE dqm.dq_runs SET table_name = $2, result = jsonb_set(result, '{table}', to_jsonb($2::text)) WHERE id = $1", [dqRunId, table]);
  await query(
    `UPDATE dqm.rejects j SET source_file = f.name
       FROM jsonb_each_text($2::jsonb) AS f(id, name)
      WHERE j.dq_run_id = $1 AND j.source_file IS NULL AND j.file_id = f.id::uuid`,
    [dqRunId, JSON.stringify(fileNames)],
  );
}

const pct = (x: number) => `${x.toFixed(x < 1 ? 2 : 1)}%`;

/**
 * Runs the suites in order and stops the pipeline (DataGateError, CLI exit 2) when a fail-severity expectation
 * misses its `mostly`. Called before anything downstream of raw.* changes; a load calls it on its staged tables
 * (`options.tables`) before they replace raw.*, so a failed gate leaves raw.* as it was.
 */
export async function runDataGate(suites: readonly ExpectationSuite[], runId: string | null, options: GateOptions = {}): Promise<GateSummary> {
  const summary: GateSummary = { dqRunIds: [], suites: [] };
  const failures: string[] = [];
  for (const suite of suites) {
    const staged = options.tables?.[suite.table];
    const result = await runSuite(options.tables ? mapTables(suite, options.tables) : suite, { runId });
    if (staged) await recordUnder(result.dqRunId, suite.table, options.fileNames ?? {});
    summary.dqRunIds.push(result.dqRunId);
    const describe = (r: SuiteResult["results"][number]) =>
      `${r.reasonCode} (${r.id}: ${typeof r.observedValue === "string" ? r.observedValue : `${pct(r.unexpectedPercent)} unexpected`}, mostly ${r.mostly})`;
    const failed = result.results.filter((r) => !r.success && r.severity === "fail").map(describe);
    const warned = result.results.filter((r) => !r.success && r.severity === "warn").map(describe);
    summary.suites.push({ suite: suite.name, status: result.status, rowCount: result.rowCount, rejectedRows: result.rejectedRows, failed, warned, dqRunId: result.dqRunId });
    if (failed.length) failures.push(`${suite.name}: ${failed.join("; ")}`);
  }
  if (failures.length) {
    throw new DataGateError(
      `Data gate failed: ${failures.join(" | ")}. Nothing downstream was changed. To fix: correct the source files (rejected rows with reasons are on /data/rejects) and run again.`,
      summary,
    );
  }
  return summary;
}
