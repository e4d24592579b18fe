import { describe, expect, it } from "vitest";
import type { ColumnKind } from "./compile-context.ts";
import { compileSuite } from "./compile-suite.ts";
import type { ExpectationSuite } from "./expectation-types.ts";
import { judgeExpectations, suiteStatus } from "./judge-expectations.ts";

const columns = new Map<string, ColumnKind>([["id", "text"], ["n", "numeric"]]);
const suite: ExpectationSuite = {
  name: "t.items", source: "t", table: "raw.items",
  expectations: [
    { kind: "not_null", column: "id", reasonCode: "ID_MISSING", description: "every item has an id" },
    { kind: "between", column: "n", min: 0, severity: "warn", mostly: 0.5, reasonCode: "NEG" },
    { kind: "column_exists", column: "gone", severity: "warn", reasonCode: "GONE" },
  ],
};

describe("judgeExpectations", () => {
  it("judges each expectation by its kind, describing it when the suite does not, and fails missing columns", () => {
    const results = judgeExpectations(compileSuite(suite, columns), { rows: 10, byExpectation: [{ element: 10, unexpected: 0 }, { element: 8, unexpected: 2 }, {}] });
    expect(results.map((r) => [r.id, r.description, r.severity, r.mostly, r.success, r.observedValue, r.unexpectedCount])).toEqual([
      ["not_null:id", "every item has an id", "fail", 1, true, 1, 0],
      ["between:n", "n is a number at least 0, for at least 50% of rows", "warn", 0.5, true, 0.75, 2],
      ["column_exists:gone", "the table has a column gone", "warn", 1, false, 'column "gone" is missing', 0],
    ]);
    expect(suiteStatus(results)).toBe("warned");
  });
});

describe("suiteStatus", () => {
  it("fails on a missed fail-severity expectation, warns on warn-only misses, else passes", () => {
    const r = (success: boolean, severity: "fail" | "warn") => ({ success, severity }) as Parameters<typeof suiteStatus>[0][number];
    expect(suiteStatus([r(false, "fail"), r(false, "warn")])).toBe("failed");
    expect(suiteStatus([r(true, "fail"), r(false, "warn")])).toBe("warned");
    expect(suiteStatus([r(true, "fail")])).toBe("passed");
  });
});
