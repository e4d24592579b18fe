import { isMissing } from "../compile-context.ts";
import { raw } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/** Every row has a value: SQL NULL and, in text columns, "" or blanks are missing. (GE: expect_column_values_to_not_be_null) */
export const notNull = defineRowKind({
  kind: "not_null",
  compile: (e, ctx) => ({ element: raw("TRUE"), unexpected: isMissing(ctx, e.column) }),
  describe: (e) => `${e.column} is never missing`,
});
