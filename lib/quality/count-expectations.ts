import { ident, type Queryable } from "../db/sql.ts";
import type { CompiledSuite } from "./compile-suite.ts";
import { sql, raw, joinSql } from "./sql-fragment.ts";

/** The counting scan's result: every row of the table, and each expectation's named counts (by suite position). */
export interface SuiteCounts {
  rows: number;
  byExpectation: Record<string, number>[];
}

/** One set-based scan of the relation counts every expectation's conditions at once (count(*) FILTER per condition). */
export async function countExpectations(client: Queryable, compiled: CompiledSuite): Promise<SuiteCounts> {
  const columns = [raw("count(*) AS n")];
  compiled.expectations.forEach((c, i) => {
    for (const [name, condition] of Object.entries(c.counts ?? {})) columns.push(sql`count(*) FILTER (WHERE ${condition}) AS ${raw(ident(alias(i, name)))}`);
  });
  const { text, values } = sql`SELECT ${joinSql(columns, ", ")} FROM ${compiled.relation}`.toQuery();
  const row = (await client.query<Record<string, string>>(text, values)).rows[0];
  return {
    rows: Number(row.n),
    byExpectation: compiled.expectations.map((c, i) => Object.fromEntries(Object.keys(c.counts ?? {}).map((name) => [name, Number(row[alias(i, name)])]))),
  };
}

/** Output column of one count: names are the kinds' own identifiers (element, unexpected, matching). */
const alias = (index: number, name: string) => `c${index}_${name}`;
