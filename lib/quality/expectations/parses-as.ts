import { allPresent } from "../compile-context.ts";
import type { DateFormat } from "../expectation-types.ts";
import { sql } from "../sql-fragment.ts";
import { parsesAsDate, parsesAsNumber } from "../value-sql.ts";
import { defineRowKind, type ExpectationOf } from "./expectation-kind.ts";

/** Layouts tried when a parses_as expectation names none. */
const DEFAULT_FORMATS = { date: ["YYYY-MM-DD"], timestamp: ["YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI:SS"] } as const satisfies Record<string, readonly DateFormat[]>;

const formatsOf = (e: ExpectationOf<"parses_as">) => e.formats ?? (e.type === "date" ? DEFAULT_FORMATS.date : DEFAULT_FORMATS.timestamp);

/**
 * A present text value reads as a finite double, an integer (fits a bigint), or a real calendar date/timestamp in
 * one of the layouts. (GE: expect_column_values_to_be_dateutil_parseable / _in_type_list, without raising.)
 */
export const parsesAs = defineRowKind({
  kind: "parses_as",
  compile(e, ctx) {
    const element = allPresent(ctx, [e.column]);
    const ok = e.type === "number" || e.type === "integer" ? parsesAsNumber(ctx, e.column, e.type === "integer") : parsesAsDate(ctx, e.column, formatsOf(e));
    return { element, unexpected: sql`(${element} AND NOT ${ok})` };
  },
  describe: (e) =>
    e.type === "number" || e.type === "integer"
      ? `${e.column} is ${e.type === "integer" ? "an integer" : "a number"}`
      : `${e.column} is a ${e.type} (${formatsOf(e).join(" or ")})`,
});
