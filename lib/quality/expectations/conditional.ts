import { compilePredicate } from "../compile-predicate.ts";
import { describePredicate } from "../describe-predicate.ts";
import { sql } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/** Rows that match `when` must match `then`; other rows are not looked at. (GE: a row_condition on an expectation) */
export const conditional = defineRowKind({
  kind: "conditional",
  compile(e, ctx) {
    const when = compilePredicate(ctx, e.when);
    return { element: when, unexpected: sql`(${when} AND NOT ${compilePredicate(ctx, e.then)})` };
  },
  describe: (e) => `when ${describePredicate(e.when)}: ${describePredicate(e.then)}`,
});
