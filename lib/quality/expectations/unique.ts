import { allPresent } from "../compile-context.ts";
import { sql } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/**
 * No two rows share the key. The first row of a key (in file and line order) passes and every later one is
 * unexpected, so rejecting the unexpected rows keeps one row per key. Rows with a missing key part are not
 * looked at. (GE: expect_compound_columns_to_be_unique)
 */
export const unique = defineRowKind({
  kind: "unique",
  compile(e, ctx) {
    const element = allPresent(ctx, e.columns);
    return { element, unexpected: sql`(${element} AND ${ctx.duplicateRank(e.columns)} > 1)` };
  },
  describe: (e) => (e.columns.length === 1 ? `${e.columns[0]} is unique` : `(${e.columns.join(", ")}) is unique`),
});
