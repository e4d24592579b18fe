import { describe, expect, it } from "vitest";
import { between } from "./between.ts";
import { compileForTest } from "./compile-for-test.ts";
import { NUMERIC_TEXT } from "./value-patterns.ts";

describe("between", () => {
  it("binds the bounds and flags values outside them, exclusive bounds included", () => {
    const { counts, failing } = compileForTest(between, { kind: "between", column: "n", min: 0, max: 100, maxExclusive: true, reasonCode: "X" });
    expect(counts.element).toEqual({ text: `(NOT (t."n" IS NULL))`, values: [] });
    expect(failing).toEqual({
      text: `((NOT (t."n" IS NULL)) AND (t."n"::float8 IS NULL OR t."n"::float8 < $1::float8 OR t."n"::float8 >= $2::float8))`,
      values: [0, 100],
    });
  });

  it("reads a text column as a number only when it holds a finite double, so 'abc' breaks the range instead of raising", () => {
    const { failing } = compileForTest(between, { kind: "between", column: "s", min: 0, minExclusive: true, reasonCode: "X" });
    const t = `btrim(t."s"::text)`;
    const num = (p: string) => `(CASE WHEN (CASE WHEN ${t} !~ ${p} OR length(${t}) > 400 THEN FALSE ELSE ${t}::numeric = 0 OR abs(${t}::numeric) BETWEEN 2.3e-308 AND 1.7e308 END) THEN ${t}::float8 END)`;
    expect(failing).toEqual({
      text: `((NOT (t."s" IS NULL OR btrim(t."s") = '')) AND (${num("$1")} IS NULL OR ${num("$2")} <= $3::float8))`,
      values: [NUMERIC_TEXT, NUMERIC_TEXT, 0],
    });
  });

  it("flags only non-numbers when it has no bounds", () => {
    expect(compileForTest(between, { kind: "between", column: "n", reasonCode: "X" }).failing?.text).toBe(`((NOT (t."n" IS NULL)) AND (t."n"::float8 IS NULL OR FALSE))`);
  });

  it("describes the bounds", () => {
    expect(between.describe({ kind: "between", column: "q", min: 0, max: 100, reasonCode: "X" })).toBe("q is a number at least 0 and at most 100");
    expect(between.describe({ kind: "between", column: "a", min: 0, minExclusive: true, reasonCode: "X" })).toBe("a is a number above 0");
    expect(between.describe({ kind: "between", column: "a", max: 1, maxExclusive: true, reasonCode: "X" })).toBe("a is a number below 1");
  });
});
