import { ident } from "../db/sql.ts";
import { columnRef, MissingColumnError, type ColumnKind, type CompileContext } from "./compile-context.ts";
import { expectationId, type Expectation, type ExpectationSuite } from "./expectation-types.ts";
import { expectationKinds } from "./expectations/index.ts";
import type { CompiledSql, ExpectationKind, ExpectationKindName, ExpectationOf } from "./expectations/expectation-kind.ts";
import { joinSql, raw, sql, type SqlFragment } from "./sql-fragment.ts";

/** Alias of the validated relation in every statement of a suite run. */
export const ALIAS = "t";
/** Alias of the table inside the relation, where the duplicate-rank windows are computed. */
export const INNER_ALIAS = "src";

export interface CompiledExpectation extends Partial<CompiledSql<string>> {
  expectation: Expectation;
  id: string;
  /** Set when the table lacks a column the expectation reads: it then fails without touching the data. */
  missingColumn?: string;
}

export interface CompiledSuite {
  suite: ExpectationSuite;
  /** The physical table read (the suite's table, or a staged copy of it). */
  table: string;
  /** The table plus one duplicate-rank column per unique expectation, as `(…) AS t`. */
  relation: SqlFragment;
  /**
   * The duplicate-rank columns of the relation: each one's name and the key it partitions by (columns of the table
   * on INNER_ALIAS), for the chunked count, which computes the ranks without a window over the whole table.
   */
  ranks: { name: string; key: SqlFragment[] }[];
  /** The row as JSON without the rank columns: what samples and rejects keep. */
  rowJson: SqlFragment;
  expectations: CompiledExpectation[];
}

/** The kind's module for an expectation (generic so TS pairs each expectation with its own kind's functions). */
export function kindOf<K extends ExpectationKindName>(e: ExpectationOf<K>): ExpectationKind<K> {
  return expectationKinds[e.kind as K];
}

/**
 * Compiles every expectation of a suite exactly once, against the table's columns. Pure: the pieces it returns are
 * reused by the counting scan, the sample queries and the reject inserts.
 */
export function compileSuite(suite: ExpectationSuite, columns: ReadonlyMap<string, ColumnKind>, table = suite.table): CompiledSuite {
  const windows: SqlFragment[] = [];
  const hidden: string[] = [];
  const ranks: CompiledSuite["ranks"] = [];
  const ctx: CompileContext = {
    columns,
    alias: ALIAS,
    duplicateRank(rankColumns) {
      const name = `_dup_${hidden.length}`;
      const key = rankColumns.map((c) => columnRef({ columns, alias: INNER_ALIAS }, c));
      windows.push(sql`, ${rankWindow(key)} AS ${raw(ident(name))}`);
      hidden.push(name);
      ranks.push({ name, key });
      return raw(`${ALIAS}.${ident(name)}`);
    },
  };
  const expectations = suite.expectations.map((expectation): CompiledExpectation => {
    const id = expectationId(expectation);
    try {
      return { expectation, id, ...kindOf(expectation).compile(expectation, ctx) };
    } catch (e) {
      if (e instanceof MissingColumnError) return { expectation, id, missingColumn: e.column };
      throw e;
    }
  });
  return {
    suite,
    table,
    relation: sql`(SELECT ${raw(INNER_ALIAS)}.*${joinSql(windows, "")} FROM ${raw(ident(table))} ${raw(INNER_ALIAS)}) AS ${raw(ALIAS)}`,
    // (minus an empty list is a no-op, so a suite without unique expectations needs no special case)
    ranks,
    rowJson: sql`to_jsonb(${raw(ALIAS)}) - ${hidden}::text[]`,
    expectations,
  };
}

/** A row's rank among the rows with the same key, in file and line order (1 = the key's first row). */
export function rankWindow(key: readonly SqlFragment[]): SqlFragment {
  return sql`row_number() OVER (PARTITION BY ${joinSql(key, ", ")} ORDER BY ${raw(`${INNER_ALIAS}.file_id, ${INNER_ALIAS}.source_line`)})`;
}
