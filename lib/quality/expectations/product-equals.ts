import { allPresent } from "../compile-context.ts";
import { joinSql, sql } from "../sql-fragment.ts";
import { numericRef } from "../value-sql.ts";
import { defineRowKind } from "./expectation-kind.ts";

/**
 * A present value equals the product of other columns of its row, within an absolute tolerance (a computed
 * amount checked against its inputs, e.g. value = price × units rounded to cents). Rows missing any of the columns
 * are not looked at; a value or factor that is not a number breaks the rule. (GE: expect_multicolumn_sum_to_equal,
 * for a product)
 */
export const productEquals = defineRowKind({
  kind: "product_equals",
  compile(e, ctx) {
    const element = allPresent(ctx, [e.column, ...e.factors]);
    const value = numericRef(ctx, e.column);
    const factors = e.factors.map((f) => numericRef(ctx, f));
    const product = joinSql(factors, " * ");
    const anyNull = joinSql([value, ...factors].map((v) => sql`${v} IS NULL`), " OR ");
    return { element, unexpected: sql`(${element} AND (${anyNull} OR abs(${value} - ${product}) > ${e.tolerance}::float8))` };
  },
  describe: (e) => `${e.column} is ${e.factors.join(" × ")} (within ${e.tolerance})`,
});
