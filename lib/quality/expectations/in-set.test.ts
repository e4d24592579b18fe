import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { inSet } from "./in-set.ts";

describe("inSet", () => {
  it("binds the values as one text array, lower-cased on both sides when case-insensitive", () => {
    const { counts, failing } = compileForTest(inSet, { kind: "in_set", column: "s", values: ["A", "b", 1], caseInsensitive: true, reasonCode: "X" });
    const present = `(NOT (t."s" IS NULL OR btrim(t."s") = ''))`;
    expect(counts.element).toEqual({ text: present, values: [] });
    expect(failing).toEqual({ text: `(${present} AND NOT lower(btrim(t."s"::text)) = ANY($1::text[]))`, values: [["a", "b", "1"]] });
    expect(compileForTest(inSet, { kind: "in_set", column: "s", values: ["A"], reasonCode: "X" }).failing).toEqual({
      text: `(${present} AND NOT btrim(t."s"::text) = ANY($1::text[]))`, values: [["A"]],
    });
  });

  it("describes the list, shortened when long", () => {
    expect(inSet.describe({ kind: "in_set", column: "plan", values: ["free", "paid"], reasonCode: "X" })).toBe("plan is one of free, paid");
    const many = Array.from({ length: 10 }, (_, i) => `v${i}`);
    expect(inSet.describe({ kind: "in_set", column: "k", values: many, caseInsensitive: true, reasonCode: "X" }))
      .toBe("k is one of v0, v1, v2, v3, v4, v5, v6, v7, … (10 values) (ignoring case)");
  });
});
