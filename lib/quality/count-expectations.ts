import { ident, type Queryable } from "../db/sql.ts";
import type { CompiledSuite } from "./compile-suite.ts";
import { sql, raw, joinSql, type SqlFragment } from "./sql-fragment.ts";

/** The counting scan's result: every row of the table, and each expectation's named counts (by suite position). */
export interface SuiteCounts {
  rows: number;
  byExpectation: Record<string, number>[];
}

/** One set-based scan of the relation counts every expectation's conditions at once (count(*) FILTER per condition). */
export async function countExpectations(client: Queryable, compiled: CompiledSuite): Promise<SuiteCounts> {
  const { text, values } = countStatement(compiled, compiled.relation).toQuery();
  return countsOf(compiled, (await client.query<Record<string, string>>(text, values)).rows[0]);
}

/** The counting SELECT over `relation` (the whole relation, or one chunk of it shaped the same way). */
export function countStatement(compiled: CompiledSuite, relation: SqlFragment): SqlFragment {
  const columns = [raw("count(*) AS n")];
  compiled.expectations.forEach((c, i) => {
    for (const [name, condition] of Object.entries(c.counts ?? {})) columns.push(sql`count(*) FILTER (WHERE ${condition}) AS ${raw(ident(alias(i, name)))}`);
  });
  return sql`SELECT ${joinSql(columns, ", ")} FROM ${relation}`;
}

/** The counts of one result row of countStatement. */
export function countsOf(compiled: CompiledSuite, row: Record<string, string>): SuiteCounts {
  return {
    rows: Number(row.n),
    byExpectation: compiled.expectations.map((c, i) => Object.fromEntries(Object.keys(c.counts ?? {}).map((name) => [name, Number(row[alias(i, name)])]))),
  };
}

/** Output column of one count: names are the kinds' own identifiers (element, unexpected, matching). */
const alias = (index: number, name: string) => `c${index}_${name}`;
