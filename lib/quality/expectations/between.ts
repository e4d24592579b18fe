import { allPresent } from "../compile-context.ts";
import { joinSql, raw, sql } from "../sql-fragment.ts";
import { numericRef } from "../value-sql.ts";
import { defineRowKind } from "./expectation-kind.ts";

/**
 * A present value is a number within the bounds (inclusive unless marked exclusive). A value that is not a number
 * at all also breaks a numeric range. (GE: expect_column_values_to_be_between)
 */
export const between = defineRowKind({
  kind: "between",
  compile(e, ctx) {
    const element = allPresent(ctx, [e.column]);
    const v = numericRef(ctx, e.column);
    const checks = [
      ...(e.min !== undefined ? [sql`${v} ${raw(e.minExclusive ? "<=" : "<")} ${e.min}::float8`] : []),
      ...(e.max !== undefined ? [sql`${v} ${raw(e.maxExclusive ? ">=" : ">")} ${e.max}::float8`] : []),
    ];
    return { element, unexpected: sql`(${element} AND (${v} IS NULL OR ${checks.length ? joinSql(checks, " OR ") : raw("FALSE")}))` };
  },
  describe(e) {
    const low = e.min === undefined ? "" : `${e.minExclusive ? "above" : "at least"} ${e.min}`;
    const high = e.max === undefined ? "" : `${e.maxExclusive ? "below" : "at most"} ${e.max}`;
    return `${e.column} is a number${[low, high].filter(Boolean).map((b) => ` ${b}`).join(" and")}`;
  },
});
