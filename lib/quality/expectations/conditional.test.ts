import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { conditional } from "./conditional.ts";

describe("conditional", () => {
  it("looks at the rows matching `when` and flags those of them that miss `then`", () => {
    const { counts, failing } = compileForTest(conditional, {
      kind: "conditional", when: { column: "s", op: "in", values: ["a"] }, then: { column: "n", op: ">", value: 0 }, reasonCode: "X",
    });
    const when = `coalesce(btrim(t."s"::text) = ANY($1::text[]), FALSE)`;
    expect(counts.element).toEqual({ text: when, values: [["a"]] });
    expect(failing).toEqual({ text: `(${when} AND NOT coalesce(t."n"::float8 > $2::float8, FALSE))`, values: [["a"], 0] });
  });

  it("compiles nested predicates with every value bound", () => {
    const { failing } = compileForTest(conditional, {
      kind: "conditional",
      when: { not: { column: "flag", op: "=", value: true } },
      then: { any: [{ column: "at", op: ">=", value: "2026-01-01" }, { column: "s", op: "!=", value: "x" }, { all: [] }] },
      reasonCode: "X",
    });
    expect(failing).toEqual({
      text: `((NOT coalesce(t."flag"::boolean = $1::boolean, FALSE)) AND NOT (coalesce(t."at" >= $2::timestamp, FALSE) OR coalesce(t."s"::text <> $3::text, FALSE) OR TRUE))`,
      values: [true, "2026-01-01", "x"],
    });
  });

  it("describes both predicates", () => {
    expect(conditional.describe({
      kind: "conditional", when: { column: "event_type", op: "in", values: ["payment_success", "payment_failed"] }, then: { column: "amount", op: ">", value: 0 }, reasonCode: "X",
    })).toBe("when event_type in (payment_success, payment_failed): amount > 0");
    expect(conditional.describe({
      kind: "conditional", when: { column: "k", op: "not_null" }, then: { any: [{ column: "k", op: "=", value: 1 }, { column: "k", op: "=", value: 0 }] }, reasonCode: "X",
    })).toBe("when k is present: k = 1 or k = 0");
  });
});
