import type { Queryable } from "../db/sql.ts";
import { ALIAS, type CompiledSuite } from "./compile-suite.ts";
import type { ExpectationResult } from "./expectation-types.ts";
import { raw, sql } from "./sql-fragment.ts";

/** Failing rows kept per expectation in its result. */
export const SAMPLE_SIZE = 5;

/**
 * The first `size` failing rows (in line order) of each row-level expectation that has any, as JSON; an empty list
 * for the others. One query per expectation with failures, so a clean table costs no query at all.
 */
export async function sampleFailures(
  client: Queryable,
  compiled: CompiledSuite,
  judged: readonly Pick<ExpectationResult, "unexpectedCount">[],
  size = SAMPLE_SIZE,
): Promise<Record<string, unknown>[][]> {
  const samples: Record<string, unknown>[][] = [];
  for (const [i, c] of compiled.expectations.entries()) {
    if (!c.failing || judged[i].unexpectedCount === 0) {
      samples.push([]);
      continue;
    }
    const { text, values } = sql`SELECT ${compiled.rowJson} AS row FROM ${compiled.relation} WHERE ${c.failing}
      ORDER BY ${raw(ALIAS)}.source_line LIMIT ${raw(String(Math.trunc(size)))}`.toQuery();
    samples.push((await client.query<{ row: Record<string, unknown> }>(text, values)).rows.map((r) => r.row));
  }
  return samples;
}
