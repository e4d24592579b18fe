import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { productEquals } from "./product-equals.ts";

describe("productEquals", () => {
  it("compares the value with the product of its factors within the bound tolerance, and flags non-numbers", () => {
    const { counts, failing } = compileForTest(productEquals, { kind: "product_equals", column: "n", factors: ["n", "n"], tolerance: 0.005, reasonCode: "X" });
    const present = `(NOT (t."n" IS NULL))`;
    expect(counts.element).toEqual({ text: `${present} AND ${present} AND ${present}`, values: [] });
    expect(failing).toEqual({
      text: `(${present} AND ${present} AND ${present} AND (t."n"::float8 IS NULL OR t."n"::float8 IS NULL OR t."n"::float8 IS NULL OR abs(t."n"::float8 - t."n"::float8 * t."n"::float8) > $1::float8))`,
      values: [0.005],
    });
  });

  it("reads text factors through the number grammar (a bad value breaks the row instead of raising)", () => {
    const { failing } = compileForTest(productEquals, { kind: "product_equals", column: "n", factors: ["s"], tolerance: 1, reasonCode: "X" });
    expect(failing?.text).toContain(`btrim(t."s"::text) !~ $1`);
    expect(failing?.values.at(-1)).toBe(1);
  });

  it("states the rule", () => {
    expect(productEquals.describe({ kind: "product_equals", column: "purchase_value", factors: ["purchase_price", "purchase_units"], tolerance: 0.005, reasonCode: "X" }))
      .toBe("purchase_value is purchase_price × purchase_units (within 0.005)");
  });
});
