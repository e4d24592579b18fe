import { describe, expect, it } from "vitest";
import type { FeatureSchema } from "../ml/preprocess/preprocessor-json.ts";
import { RowValidationError, rowSchema, rowsToFrame } from "./rows-to-frame.ts";

const schema: FeatureSchema[] = [
  { name: "watch_minutes", kind: "numeric", missingShare: 0.1, min: 0, max: 900, median: 120 },
  { name: "is_paid", kind: "boolean", missingShare: 0, min: 0, max: 1, median: 0 },
  { name: "signup_date", kind: "date", missingShare: 0, min: 1, max: 400, median: 90, unit: "days" },
  { name: "plan", kind: "categorical", missingShare: 0.05, categories: ["free", "paid"], hasOther: false },
];

function problems(rows: unknown[], opts?: Parameters<typeof rowsToFrame>[2]): Record<string, string> {
  try {
    rowsToFrame(schema, rows, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(RowValidationError);
    expect((e as RowValidationError).status).toBe(400);
    return (e as RowValidationError).fields;
  }
  throw new Error("expected a RowValidationError");
}

describe("rowsToFrame", () => {
  it("builds one typed column per feature, in schema order, with unknown values as NaN / null", () => {
    const frame = rowsToFrame(schema, [
      { watch_minutes: 35.5, is_paid: true, signup_date: "2026-01-02", plan: "paid" },
      { watch_minutes: null, is_paid: 0, plan: null },
      {},
    ]);
    expect(frame.rows).toBe(3);
    expect(frame.columns.map((c) => [c.name, c.kind])).toEqual([["watch_minutes", "numeric"], ["is_paid", "boolean"], ["signup_date", "date"], ["plan", "categorical"]]);
    expect(Array.from(frame.columns[0]!.values as Float64Array)).toEqual([35.5, Number.NaN, Number.NaN]);
    expect(Array.from(frame.columns[1]!.values as Float64Array)).toEqual([1, 0, Number.NaN]);
    // 2026-01-02 is day 20455 since 1970-01-01 (Python: (date(2026,1,2) - date(1970,1,1)).days)
    expect((frame.columns[2]!.values as Float64Array)[0]).toBe(20455);
    expect(frame.columns[3]!.values).toEqual(["paid", null, null]);
  });

  it("keeps an unseen category as text (the model encodes it as none of its categories)", () => {
    expect(rowsToFrame(schema, [{ plan: "enterprise" }]).columns[3]!.values).toEqual(["enterprise"]);
  });

  it("names the row and the field of every wrong value", () => {
    expect(problems([{ watch_minutes: 3 }, { watch_minutes: 3 }, { watch_minutes: 3 }, { watch_minutes: "lots" }])).toEqual({
      "rows[3].watch_minutes": "expected a number, or null when unknown",
    });
    const fields = problems([{ is_paid: "yes", signup_date: "2026-02-30", plan: ["free"] }]);
    expect(Object.keys(fields)).toEqual(["rows[0].is_paid", "rows[0].signup_date", "rows[0].plan"]);
    expect(fields["rows[0].signup_date"]).toMatch(/YYYY-MM-DD/);
    expect(fields["rows[0].plan"]).toMatch(/known: free, paid/);
  });

  it("refuses keys the model does not know (a typo would silently score another customer)", () => {
    const fields = problems([{ watch_minuts: 10 }]);
    expect(fields).toEqual({ "rows[0].watch_minuts": expect.stringMatching(/not a feature of this model \(features: watch_minutes, is_paid, signup_date, plan\)/) });
  });

  it("says which row is not an object, and writes a single row as row.<field>", () => {
    expect(problems([{}, 42])).toEqual({ "rows[1]": "expected an object of feature values" });
    expect(problems([{ watch_minutes: true }], { path: "row", single: true })).toEqual({ "row.watch_minutes": "expected a number, or null when unknown" });
  });

  it("puts the first problems in the message and counts the rest", () => {
    const rows = Array.from({ length: 30 }, () => ({ watch_minutes: "x" }));
    try {
      rowsToFrame(schema, rows);
      expect.unreachable();
    } catch (e) {
      const err = e as RowValidationError;
      expect(Object.keys(err.fields)).toHaveLength(20);
      expect(err.userMessage).toMatch(/^Some feature values do not fit the model: rows\[0\]\.watch_minutes: expected a number.*\(and 10 more\)/);
    }
  });
});

describe("rowsToFrame without date features (the fast check)", () => {
  const plain = schema.filter((f) => f.kind !== "date");
  const values: unknown[] = [
    0, 1, -2.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, null, undefined,
    "", "free", "x".repeat(200), "x".repeat(201), "1", [], [1], {}, { nested: true }, Object.create(null),
  ];

  it("accepts exactly the rows zod's row schema accepts, and keeps their values", () => {
    const zodAccepts = (row: unknown) => rowSchema(plain).safeParse(row).success;
    for (const f of plain) {
      for (const [k, v] of values.entries()) {
        const row = { [f.name]: v };
        let ok = true;
        let frame;
        try {
          frame = rowsToFrame(plain, [row]);
        } catch (e) {
          expect(e).toBeInstanceOf(RowValidationError);
          ok = false;
        }
        expect(ok, `${f.kind}, value #${k}`).toBe(zodAccepts(row));
        if (frame && v !== null && v !== undefined) {
          const column = frame.columns.find((c) => c.name === f.name)!;
          expect(column.values[0]).toEqual(f.kind === "categorical" ? String(v) : typeof v === "boolean" ? Number(v) : v);
        }
      }
    }
    // keys: unknown, prototype tricks, non-objects: whatever zod decides (the fast check passes them on to it)
    const rows = [{ plan: "free", typo: 1 }, JSON.parse('{"__proto__": {"plan": "x"}}'), [], "row", 7, null, Object.assign(Object.create({ plan: "free" }), { is_paid: true })];
    for (const [k, row] of rows.entries()) {
      let ok = true;
      try {
        rowsToFrame(plain, [row]);
      } catch {
        ok = false;
      }
      expect(ok, `row #${k}`).toBe(zodAccepts(row));
    }
    expect(() => rowsToFrame(plain, [{ plan: "free", typo: 1 }])).toThrow(/typo: not a feature/);
  });
});
