import crypto from "node:crypto";
import type pg from "pg";
import { getDb } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import {
  compilePredicate, columnRef, inSet, isMissing, MissingColumnError, numericRef, parsesAsDate, parsesAsNumber, SqlParams,
  type ColumnKind, type CompileContext,
} from "./compile-predicate.ts";
import {
  expectationId, isRowExpectation, type Expectation, type ExpectationResult, type ExpectationSuite, type RowExpectation, type SuiteResult,
} from "./expectation-types.ts";

export const SAMPLE_SIZE = 5;
const ALIAS = "t";

interface RowSql {
  /** rows the expectation looks at */
  element: string;
  /** rows that break it */
  unexpected: string;
}

function kindOf(dataType: string): ColumnKind {
  if (/int|numeric|double|real|decimal/.test(dataType)) return "numeric";
  if (/char|text/.test(dataType)) return "text";
  if (/date|time/.test(dataType)) return "temporal";
  if (dataType === "boolean") return "boolean";
  return "other";
}

async function tableColumns(client: pg.ClientBase, table: string): Promise<Map<string, ColumnKind>> {
  const [schema, name] = table.split(".");
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2", [schema, name]);
  if (!rows.length) throw new Error(`table ${table} does not exist`);
  return new Map(rows.map((r) => [r.column_name, kindOf(r.data_type)]));
}

const dupColumn = (i: number) => `_dup_${i}`;

/** The row-level SQL of one expectation (a unique expectation reads the rank column of its window). */
function compileRow(ctx: CompileContext, e: RowExpectation, index: number): RowSql {
  const present = (c: string) => `(NOT ${isMissing(ctx, c)})`;
  switch (e.kind) {
    case "not_null":
      return { element: "TRUE", unexpected: isMissing(ctx, e.column) };
    case "unique": {
      e.columns.forEach((c) => columnRef(ctx, c));
      const element = e.columns.map(present).join(" AND ");
      // Every row after the first of a key is unexpected: the first stays, later duplicates are rejected.
      return { element, unexpected: `(${element} AND ${ALIAS}.${ident(dupColumn(index))} > 1)` };
    }
    case "in_set":
      return { element: present(e.column), unexpected: `(${present(e.column)} AND NOT ${inSet(ctx, e.column, e.values, e.caseInsensitive)})` };
    case "between": {
      const v = numericRef(ctx, e.column);
      const checks = [
        e.min !== undefined ? `${v} ${e.minExclusive ? "<=" : "<"} ${ctx.params.add(e.min)}::float8` : "",
        e.max !== undefined ? `${v} ${e.maxExclusive ? ">=" : ">"} ${ctx.params.add(e.max)}::float8` : "",
      ].filter(Boolean);
      // A value that is not a number at all also breaks a numeric range.
      return { element: present(e.column), unexpected: `(${present(e.column)} AND (${v} IS NULL OR ${checks.join(" OR ") || "FALSE"}))` };
    }
    case "matches_regex":
      return { element: present(e.column), unexpected: `(${present(e.column)} AND NOT (btrim(${columnRef(ctx, e.column)}::text) ~ ${ctx.params.add(e.pattern)}))` };
    case "parses_as": {
      const ok =
        e.type === "number" || e.type === "integer"
          ? parsesAsNumber(ctx, e.column, e.type === "integer")
          : parsesAsDate(ctx, e.column, e.formats ?? (e.type === "date" ? ["YYYY-MM-DD"] : ["YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI:SS"]));
      return { element: present(e.column), unexpected: `(${present(e.column)} AND NOT ${ok})` };
    }
    case "conditional": {
      const when = compilePredicate(ctx, e.when);
      return { element: when, unexpected: `(${when} AND NOT ${compilePredicate(ctx, e.then)})` };
    }
    case "foreign_key": {
      const element = e.columns.map(present).join(" AND ");
      const match = e.columns.map((c, i) => `r.${ident(e.references.columns[i])} = ${columnRef(ctx, c)}`).join(" AND ");
      return { element, unexpected: `(${element} AND NOT EXISTS (SELECT 1 FROM ${ident(e.references.table)} r WHERE ${match}))` };
    }
  }
}

/** The validated relation: the table plus one duplicate-rank column per unique expectation. */
function relation(suite: ExpectationSuite, ctx: CompileContext): string {
  const windows = suite.expectations.flatMap((e, i) =>
    e.kind === "unique" && e.columns.every((c) => ctx.columns.has(c))
      ? [`row_number() OVER (PARTITION BY ${e.columns.map((c) => columnRef({ ...ctx, alias: "src" }, c)).join(", ")} ORDER BY src.file_id, src.source_line) AS ${ident(dupColumn(i))}`]
      : [],
  );
  return `(SELECT src.*${windows.map((w) => `, ${w}`).join("")} FROM ${ident(suite.table)} src) AS ${ALIAS}`;
}

const hiddenColumns = (suite: ExpectationSuite) => suite.expectations.flatMap((e, i) => (e.kind === "unique" ? [dupColumn(i)] : []));
// (to_jsonb(t) - names that are absent is a no-op, so listing every unique expectation is safe)

interface Compiled {
  expectation: Expectation;
  index: number;
  row?: RowSql;
  share?: string;
  missingColumn?: string;
}

function compileOne(expectation: Expectation, index: number, columns: ReadonlyMap<string, ColumnKind>, params: SqlParams): Compiled {
  const ctx: CompileContext = { params, columns, alias: ALIAS };
  try {
    if (isRowExpectation(expectation)) return { expectation, index, row: compileRow(ctx, expectation, index) };
    if (expectation.kind === "share_below") return { expectation, index, share: compilePredicate(ctx, expectation.where) };
    if (expectation.kind === "column_exists" && !columns.has(expectation.column)) return { expectation, index, missingColumn: expectation.column };
    return { expectation, index };
  } catch (e) {
    if (e instanceof MissingColumnError) return { expectation, index, missingColumn: e.column };
    throw e;
  }
}

function compileAll(suite: ExpectationSuite, columns: ReadonlyMap<string, ColumnKind>, params: SqlParams): Compiled[] {
  return suite.expectations.map((e, i) => compileOne(e, i, columns, params));
}

/**
 * Validates one table against a suite, set-based: one pass counts every expectation, failing rows of fail-severity
 * row expectations are copied to dqm.rejects (with the row as JSON, file and line), and one dqm.dq_runs row keeps
 * the full result. Rerunning for the same pipeline run replaces that run's earlier results (idempotent).
 */
export async function runSuite(suite: ExpectationSuite, opts: { runId?: string | null; sampleSize?: number } = {}): Promise<SuiteResult & { dqRunId: string }> {
  const started = performance.now();
  const { pool } = await getDb();
  const client = await pool.connect();
  try {
    const columns = await tableColumns(client, suite.table);
    const rel = (params: SqlParams) => relation(suite, { params, columns, alias: ALIAS });

    // 1. one scan for all counts
    const params = new SqlParams();
    const compiled = compileAll(suite, columns, params);
    const selects = ["count(*) AS n"];
    for (const c of compiled) {
      if (c.row) selects.push(`count(*) FILTER (WHERE ${c.row.element}) AS e${c.index}`, `count(*) FILTER (WHERE ${c.row.unexpected}) AS u${c.index}`);
      if (c.share) selects.push(`count(*) FILTER (WHERE ${c.share}) AS s${c.index}`);
    }
    const counts = (await client.query(`SELECT ${selects.join(", ")} FROM ${rel(params)}`, params.values)).rows[0] as Record<string, string>;
    const rowCount = Number(counts.n);

    // 2. results, with samples only where something failed
    const hidden = hiddenColumns(suite);
    const results: ExpectationResult[] = [];
    for (const c of compiled) {
      const e = c.expectation;
      const base = { id: expectationId(e), kind: e.kind, reasonCode: e.reasonCode, severity: e.severity ?? "fail", mostly: e.mostly ?? 1, description: e.description, sample: [] as Record<string, unknown>[] };
      if (c.missingColumn) {
        results.push({ ...base, success: false, observedValue: `column "${c.missingColumn}" is missing`, elementCount: 0, unexpectedCount: 0, unexpectedPercent: 0 });
        continue;
      }
      if (c.row) {
        const element = Number(counts[`e${c.index}`]);
        const unexpected = Number(counts[`u${c.index}`]);
        const share = element ? unexpected / element : 0;
        let sample: Record<string, unknown>[] = [];
        if (unexpected > 0) {
          const p = new SqlParams();
          const again = compileOne(c.expectation, c.index, columns, p).row!;
          const q = `SELECT to_jsonb(${ALIAS}) - ${p.add(hidden)}::text[] AS row FROM ${rel(p)} WHERE ${again.unexpected} ORDER BY ${ALIAS}.source_line LIMIT ${opts.sampleSize ?? SAMPLE_SIZE}`;
          sample = (await client.query<{ row: Record<string, unknown> }>(q, p.values)).rows.map((r) => r.row);
        }
        results.push({ ...base, sample, success: 1 - share >= base.mostly - 1e-12, observedValue: 1 - share, elementCount: element, unexpectedCount: unexpected, unexpectedPercent: share * 100 });
        continue;
      }
      if (e.kind === "share_below") {
        const matching = Number(counts[`s${c.index}`]);
        const share = rowCount ? matching / rowCount : 0;
        results.push({ ...base, success: share <= e.max, observedValue: share, elementCount: rowCount, unexpectedCount: matching, unexpectedPercent: share * 100 });
      } else if (e.kind === "row_count_between") {
        const ok = (e.min === undefined || rowCount >= e.min) && (e.max === undefined || rowCount <= e.max);
        results.push({ ...base, success: ok, observedValue: rowCount, elementCount: rowCount, unexpectedCount: ok ? 0 : 1, unexpectedPercent: ok ? 0 : 100 });
      } else {
        results.push({ ...base, success: true, observedValue: true, elementCount: rowCount, unexpectedCount: 0, unexpectedPercent: 0 });
      }
    }

    const failed = results.some((r) => !r.success && r.severity === "fail");
    const status = failed ? "failed" : results.some((r) => !r.success) ? "warned" : "passed";
    const dqRunId = crypto.randomUUID();

    // 3. rejects + the dq run row, replacing this pipeline run's earlier attempt, in one transaction
    await client.query("BEGIN");
    try {
      if (opts.runId) {
        await client.query("DELETE FROM dqm.rejects WHERE run_id = $1 AND suite = $2", [opts.runId, suite.name]);
        await client.query("DELETE FROM dqm.dq_runs WHERE run_id = $1 AND suite = $2", [opts.runId, suite.name]);
      }
      for (const c of compiled) {
        const r = results[c.index];
        if (!c.row || r.severity !== "fail" || r.unexpectedCount === 0) continue;
        const p = new SqlParams();
        const fixed = [dqRunId, opts.runId ?? null, suite.source, suite.name, r.id, r.reasonCode].map((v) => p.add(v));
        const again = compileOne(c.expectation, c.index, columns, p).row!;
        await client.query(
          `INSERT INTO dqm.rejects (dq_run_id, run_id, source, suite, expectation_id, reason_code, file_id, source_line, source_file, row_data)
           SELECT ${fixed[0]}::uuid, ${fixed[1]}::uuid, ${fixed[2]}, ${fixed[3]}, ${fixed[4]}, ${fixed[5]}, ${ALIAS}.file_id, ${ALIAS}.source_line, f.name,
                  to_jsonb(${ALIAS}) - ${p.add(hidden)}::text[]
             FROM ${rel(p)} LEFT JOIN ops.ingested_files f ON f.id = ${ALIAS}.file_id
            WHERE ${again.unexpected}`,
          p.values,
        );
      }
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(DISTINCT (file_id, source_line)) AS n FROM dqm.rejects WHERE dq_run_id = $1", [dqRunId]);
      const rejectedRows = Number(rows[0].n);
      const result: SuiteResult = {
        suite: suite.name, table: suite.table, source: suite.source, status, success: !failed, rowCount, rejectedRows,
        evaluatedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started), results,
      };
      await client.query(
        `INSERT INTO dqm.dq_runs (id, run_id, source, suite, table_name, status, success, row_count, rejected_rows, duration_ms, result)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [dqRunId, opts.runId ?? null, suite.source, suite.name, suite.table, status, !failed, rowCount, rejectedRows, result.durationMs, JSON.stringify(result)],
      );
      await client.query("COMMIT");
      return { ...result, dqRunId };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
  } finally {
    client.release();
  }
}
