import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { shareBelow } from "./share-below.ts";

const e = {
  kind: "share_below", where: { all: [{ column: "s", op: "not_in", values: ["p"] }, { column: "n", op: "not_null" }] }, max: 0.02, reasonCode: "X",
} as const;

describe("shareBelow", () => {
  it("counts the rows matching its condition and rejects none", () => {
    const { counts, failing } = compileForTest(shareBelow, e);
    expect(counts).toEqual({ matching: { text: `(coalesce(NOT btrim(t."s"::text) = ANY($1::text[]), FALSE) AND (NOT (t."n" IS NULL)))`, values: [["p"]] } });
    expect(failing).toBeUndefined();
  });

  it("passes while the matching share of all rows is at most max", () => {
    expect(shareBelow.judge(e, { rows: 100, matching: 2 })).toEqual({ success: true, observedValue: 0.02, elementCount: 100, unexpectedCount: 2, unexpectedPercent: 2 });
    expect(shareBelow.judge(e, { rows: 100, matching: 3 }).success).toBe(false);
    expect(shareBelow.judge(e, { rows: 0, matching: 0 }).success).toBe(true);
  });

  it("describes the condition and the share", () => {
    expect(shareBelow.describe(e)).toBe("at most 2% of rows have s not in (p) and n is present");
  });
});
