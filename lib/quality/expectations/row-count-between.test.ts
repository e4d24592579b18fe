import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { rowCountBetween } from "./row-count-between.ts";

describe("rowCountBetween", () => {
  it("needs no condition of its own: the scan's row count is enough", () => {
    expect(compileForTest(rowCountBetween, { kind: "row_count_between", min: 1, reasonCode: "X" })).toEqual({ counts: {}, failing: undefined });
  });

  it("passes within the inclusive bounds", () => {
    const e = { kind: "row_count_between", min: 1, max: 4, reasonCode: "X" } as const;
    expect(rowCountBetween.judge(e, { rows: 4 })).toEqual({ success: true, observedValue: 4, elementCount: 4, unexpectedCount: 0, unexpectedPercent: 0 });
    expect(rowCountBetween.judge(e, { rows: 5 })).toEqual({ success: false, observedValue: 5, elementCount: 5, unexpectedCount: 1, unexpectedPercent: 100 });
    expect(rowCountBetween.judge(e, { rows: 0 }).success).toBe(false);
  });

  it("describes the bounds", () => {
    expect(rowCountBetween.describe({ kind: "row_count_between", min: 1, reasonCode: "X" })).toBe("the table has at least 1 row");
    expect(rowCountBetween.describe({ kind: "row_count_between", min: 10, max: 20, reasonCode: "X" })).toBe("the table has 10 to 20 rows");
    expect(rowCountBetween.describe({ kind: "row_count_between", max: 5, reasonCode: "X" })).toBe("the table has at most 5 rows");
  });
});
