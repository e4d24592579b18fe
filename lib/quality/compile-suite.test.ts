import { describe, expect, it, vi } from "vitest";
import type { ColumnKind } from "./compile-context.ts";
import { compileSuite, kindOf } from "./compile-suite.ts";
import type { ExpectationSuite } from "./expectation-types.ts";
import { expectationKinds } from "./expectations/index.ts";
import { elearningEventsSuite, elearningUsersSuite } from "../sources/elearning/elearning-suites.ts";
import { walletSuites } from "../sources/wallet/wallet-suites.ts";

const columns = new Map<string, ColumnKind>([["id", "text"], ["n", "numeric"], ["file_id", "other"], ["source_line", "numeric"]]);
const suite: ExpectationSuite = {
  name: "t.items", source: "t", table: "raw.items",
  expectations: [
    { kind: "unique", columns: ["id"], reasonCode: "DUP" },
    { kind: "unique", columns: ["gone"], reasonCode: "DUP_GONE" },
    { kind: "between", column: "n", min: 0, reasonCode: "NEG" },
    { kind: "row_count_between", min: 1, reasonCode: "EMPTY" },
    { kind: "column_exists", column: "gone", reasonCode: "GONE" },
  ],
};

describe("compileSuite", () => {
  it("builds the relation with one duplicate-rank column per unique expectation whose columns exist, on the table given", () => {
    const compiled = compileSuite(suite, columns, "load.items_staged");
    expect(compiled.relation.toQuery()).toEqual({
      text: `(SELECT src.*, row_number() OVER (PARTITION BY src."id" ORDER BY src.file_id, src.source_line) AS "_dup_0" FROM "load"."items_staged" src) AS t`,
      values: [],
    });
    expect(compiled.rowJson.toQuery()).toEqual({ text: "to_jsonb(t) - $1::text[]", values: [["_dup_0"]] });
    expect(compiled.expectations[0].failing?.toQuery().text).toBe(`((NOT (t."id" IS NULL OR btrim(t."id") = '')) AND t."_dup_0" > 1)`);
  });

  it("marks expectations on missing columns instead of compiling them", () => {
    const compiled = compileSuite(suite, columns);
    expect(compiled.expectations.map((c) => [c.id, c.missingColumn])).toEqual([
      ["unique:id", undefined], ["unique:gone", "gone"], ["between:n", undefined], ["row_count_between:EMPTY", undefined], ["column_exists:gone", "gone"],
    ]);
    expect(compiled.table).toBe("raw.items");
  });

  it("compiles each expectation exactly once, through its kind in the registry", () => {
    const spies = Object.values(expectationKinds).map((kind) => vi.spyOn(kind, "compile"));
    try {
      for (const s of [suite, elearningUsersSuite, elearningEventsSuite, ...walletSuites]) {
        spies.forEach((spy) => spy.mockClear());
        const compiled = compileSuite(s, columns);
        expect(spies.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(s.expectations.length);
        s.expectations.forEach((e, i) => expect(compiled.expectations[i].expectation).toBe(e));
      }
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});

describe("expectationKinds", () => {
  it("registers every kind under its own name", () => {
    for (const [name, kind] of Object.entries(expectationKinds)) expect(kind.kind).toBe(name);
    expect(kindOf({ kind: "not_null", column: "id", reasonCode: "X" })).toBe(expectationKinds.not_null);
  });
});
