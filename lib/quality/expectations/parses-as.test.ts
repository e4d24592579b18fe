import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { parsesAs } from "./parses-as.ts";
import { DATE_LAYOUTS, INTEGER_TEXT, NUMERIC_TEXT } from "./value-patterns.ts";

const present = `(NOT (t."s" IS NULL OR btrim(t."s") = ''))`;
const v = `btrim(t."s"::text)`;

describe("parsesAs", () => {
  it("binds the integer pattern for integers", () => {
    const { counts, failing } = compileForTest(parsesAs, { kind: "parses_as", column: "s", type: "integer", reasonCode: "X" });
    expect(counts.element).toEqual({ text: present, values: [] });
    expect(failing).toEqual({ text: `(${present} AND NOT (${v} ~ $1))`, values: [INTEGER_TEXT] });
  });

  it("checks numbers against the number pattern and the double range", () => {
    const { failing } = compileForTest(parsesAs, { kind: "parses_as", column: "s", type: "number", reasonCode: "X" });
    expect(failing).toEqual({
      text: `(${present} AND NOT (CASE WHEN ${v} !~ $1 OR length(${v}) > 400 THEN FALSE ELSE ${v}::numeric = 0 OR abs(${v}::numeric) BETWEEN 2.3e-308 AND 1.7e308 END))`,
      values: [NUMERIC_TEXT],
    });
  });

  it("checks a date layout by regex, then the calendar (month 1-12, day up to the month's last)", () => {
    const { failing } = compileForTest(parsesAs, { kind: "parses_as", column: "s", type: "date", formats: ["DD/MM/YYYY"], reasonCode: "X" });
    const [y, m, d] = [`substr(${v}, 7, 4)::int`, `substr(${v}, 4, 2)::int`, `substr(${v}, 1, 2)::int`];
    expect(failing).toEqual({
      text: `(${present} AND NOT ((CASE WHEN ${v} ~ $1 AND ${y} >= 1 AND ${m} BETWEEN 1 AND 12 THEN ${d} BETWEEN 1 AND extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day') ELSE FALSE END)))`,
      values: [DATE_LAYOUTS["DD/MM/YYYY"].re],
    });
  });

  it("tries both ISO timestamp layouts when none is named, with the time checked too", () => {
    const { failing } = compileForTest(parsesAs, { kind: "parses_as", column: "s", type: "timestamp", reasonCode: "X" });
    expect(failing?.values).toEqual([DATE_LAYOUTS["YYYY-MM-DDTHH:MI:SS"].re, DATE_LAYOUTS["YYYY-MM-DD HH:MI:SS"].re]);
    expect(failing?.text).toContain(`) OR (CASE WHEN ${v} ~ $2 `);
    expect(failing?.text).toContain(` AND substr(${v}, 12, 2)::int < 24 AND substr(${v}, 15, 2)::int < 60 AND substr(${v}, 18, 2)::int < 60 ELSE FALSE END`);
  });

  it("describes the type and its layouts", () => {
    expect(parsesAs.describe({ kind: "parses_as", column: "id", type: "integer", reasonCode: "X" })).toBe("id is an integer");
    expect(parsesAs.describe({ kind: "parses_as", column: "x", type: "number", reasonCode: "X" })).toBe("x is a number");
    expect(parsesAs.describe({ kind: "parses_as", column: "d", type: "date", reasonCode: "X" })).toBe("d is a date (YYYY-MM-DD)");
    expect(parsesAs.describe({ kind: "parses_as", column: "at", type: "timestamp", reasonCode: "X", mostly: 0.99 }))
      .toBe("at is a timestamp (YYYY-MM-DDTHH:MI:SS or YYYY-MM-DD HH:MI:SS), for at least 99% of rows");
  });
});
