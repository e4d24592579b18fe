import { allPresent } from "../compile-context.ts";
import { inSet as inSetSql } from "../compile-predicate.ts";
import { describeValues } from "../describe-predicate.ts";
import { sql } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/** A present value is one of a list (trimmed text; optionally ignoring case). (GE: expect_column_values_to_be_in_set) */
export const inSet = defineRowKind({
  kind: "in_set",
  compile(e, ctx) {
    const element = allPresent(ctx, [e.column]);
    return { element, unexpected: sql`(${element} AND NOT ${inSetSql(ctx, e.column, e.values, e.caseInsensitive)})` };
  },
  describe: (e) => `${e.column} is one of ${describeValues(e.values)}${e.caseInsensitive ? " (ignoring case)" : ""}`,
});
