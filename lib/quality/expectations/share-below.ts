import { compilePredicate } from "../compile-predicate.ts";
import { describePredicate } from "../describe-predicate.ts";
import type { ExpectationKind } from "./expectation-kind.ts";

/**
 * At most a share `max` of all rows match a condition (a table-level rule: no row is rejected for it).
 * (GE: no core equivalent; a row_condition plus a row-count bound comes closest.)
 */
export const shareBelow: ExpectationKind<"share_below", "matching"> = {
  kind: "share_below",
  compile: (e, ctx) => ({ counts: { matching: compilePredicate(ctx, e.where) } }),
  judge(e, { rows, matching }) {
    const share = rows ? matching / rows : 0;
    return { success: share <= e.max, observedValue: share, elementCount: rows, unexpectedCount: matching, unexpectedPercent: share * 100 };
  },
  describe: (e) => `at most ${+(e.max * 100).toFixed(2)}% of rows have ${describePredicate(e.where)}`,
};
