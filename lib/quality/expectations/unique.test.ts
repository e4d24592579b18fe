import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { unique } from "./unique.ts";

describe("unique", () => {
  it("looks at rows with the whole key present and flags every row after the first of a key (its duplicate rank > 1)", () => {
    const { counts, failing } = compileForTest(unique, { kind: "unique", columns: ["id", "n"], reasonCode: "DUP" });
    const present = `(NOT (t."id" IS NULL OR btrim(t."id") = '')) AND (NOT (t."n" IS NULL))`;
    expect(counts.element).toEqual({ text: present, values: [] });
    expect(failing).toEqual({ text: `(${present} AND t.rank_of_id_n > 1)`, values: [] });
  });

  it("describes one column or a compound key", () => {
    expect(unique.describe({ kind: "unique", columns: ["id"], reasonCode: "X" })).toBe("id is unique");
    expect(unique.describe({ kind: "unique", columns: ["id", "n"], reasonCode: "X" })).toBe("(id, n) is unique");
  });
});
