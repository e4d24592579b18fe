import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { notNull } from "./not-null.ts";

describe("notNull", () => {
  it("counts every row and flags NULL, or for text also blank values", () => {
    const { counts, failing } = compileForTest(notNull, { kind: "not_null", column: "id", reasonCode: "ID_MISSING" });
    expect(counts.element).toEqual({ text: "TRUE", values: [] });
    expect(failing).toEqual({ text: `(t."id" IS NULL OR btrim(t."id") = '')`, values: [] });
    expect(counts.unexpected).toEqual(failing);
    expect(compileForTest(notNull, { kind: "not_null", column: "n", reasonCode: "N" }).failing).toEqual({ text: `(t."n" IS NULL)`, values: [] });
  });

  it("describes the rule, with its mostly", () => {
    expect(notNull.describe({ kind: "not_null", column: "id", reasonCode: "X" })).toBe("id is never missing");
    expect(notNull.describe({ kind: "not_null", column: "id", reasonCode: "X", mostly: 0.99 })).toBe("id is never missing, for at least 99% of rows");
  });

  it("passes when the passing share reaches mostly", () => {
    const e = { kind: "not_null", column: "id", reasonCode: "X", mostly: 0.99 } as const;
    expect(notNull.judge(e, { rows: 100, element: 100, unexpected: 1 })).toEqual({ success: true, observedValue: 0.99, elementCount: 100, unexpectedCount: 1, unexpectedPercent: 1 });
    expect(notNull.judge(e, { rows: 100, element: 100, unexpected: 2 }).success).toBe(false);
    expect(notNull.judge(e, { rows: 0, element: 0, unexpected: 0 }).success).toBe(true);
  });
});
