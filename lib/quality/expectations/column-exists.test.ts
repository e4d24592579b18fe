import { describe, expect, it } from "vitest";
import { MissingColumnError } from "../compile-context.ts";
import { columnExists } from "./column-exists.ts";
import { compileForTest } from "./compile-for-test.ts";

describe("columnExists", () => {
  it("compiles to nothing when the column exists and throws MissingColumnError when it does not", () => {
    expect(compileForTest(columnExists, { kind: "column_exists", column: "id", reasonCode: "X" })).toEqual({ counts: {}, failing: undefined });
    expect(() => compileForTest(columnExists, { kind: "column_exists", column: "nope", reasonCode: "X" })).toThrow(MissingColumnError);
  });

  it("passes once compiled, observing true", () => {
    expect(columnExists.judge({ kind: "column_exists", column: "id", reasonCode: "X" }, { rows: 7 }))
      .toEqual({ success: true, observedValue: true, elementCount: 7, unexpectedCount: 0, unexpectedPercent: 0 });
  });

  it("describes the column", () => {
    expect(columnExists.describe({ kind: "column_exists", column: "kind", reasonCode: "X" })).toBe("the table has a column kind");
  });
});
