import { columnRef } from "../compile-context.ts";
import type { ExpectationKind } from "./expectation-kind.ts";

/** The table has the column (a missing one fails, as every kind does on a missing column). (GE: expect_column_to_exist) */
export const columnExists: ExpectationKind<"column_exists", never> = {
  kind: "column_exists",
  compile(e, ctx) {
    columnRef(ctx, e.column); // throws MissingColumnError when absent
    return { counts: {} };
  },
  judge: (_e, { rows }) => ({ success: true, observedValue: true, elementCount: rows, unexpectedCount: 0, unexpectedPercent: 0 }),
  describe: (e) => `the table has a column ${e.column}`,
};
