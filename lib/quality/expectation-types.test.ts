import { describe, expect, it } from "vitest";
import { elearningEventsSuite, elearningUsersSuite } from "../sources/elearning/elearning-suites.ts";
import { walletSuites } from "../sources/wallet/wallet-suites.ts";
import { expectationId } from "./expectation-types.ts";

describe("expectationId", () => {
  it("names expectations by kind and columns, or kind and reason code when they have no columns", () => {
    expect(expectationId({ kind: "unique", columns: ["a", "b"], reasonCode: "DUP" })).toBe("unique:a+b");
    expect(expectationId({ kind: "row_count_between", min: 1, reasonCode: "EMPTY" })).toBe("row_count_between:EMPTY");
    expect(expectationId({ kind: "not_null", column: "x", reasonCode: "X", id: "mine" })).toBe("mine");
  });

  it("gives every expectation of every shipped suite a distinct id (rejects and results are keyed by it)", () => {
    for (const suite of [elearningUsersSuite, elearningEventsSuite, ...walletSuites]) {
      const ids = suite.expectations.map(expectationId);
      expect(new Set(ids).size, `${suite.name}: ${ids.join(", ")}`).toBe(ids.length);
    }
  });
});
