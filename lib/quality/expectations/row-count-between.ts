import type { ExpectationKind } from "./expectation-kind.ts";

/** The table's row count is within the bounds (inclusive). (GE: expect_table_row_count_to_be_between) */
export const rowCountBetween: ExpectationKind<"row_count_between", never> = {
  kind: "row_count_between",
  compile: () => ({ counts: {} }),
  judge(e, { rows }) {
    const ok = (e.min === undefined || rows >= e.min) && (e.max === undefined || rows <= e.max);
    return { success: ok, observedValue: rows, elementCount: rows, unexpectedCount: ok ? 0 : 1, unexpectedPercent: ok ? 0 : 100 };
  },
  describe(e) {
    if (e.min !== undefined && e.max !== undefined) return `the table has ${e.min} to ${e.max} rows`;
    if (e.min !== undefined) return `the table has at least ${e.min} row${e.min === 1 ? "" : "s"}`;
    if (e.max !== undefined) return `the table has at most ${e.max} row${e.max === 1 ? "" : "s"}`;
    return "the table has any number of rows";
  },
};
