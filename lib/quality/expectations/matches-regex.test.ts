import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { matchesRegex } from "./matches-regex.ts";

describe("matchesRegex", () => {
  it("binds the pattern and matches it against the trimmed text", () => {
    const { counts, failing } = compileForTest(matchesRegex, { kind: "matches_regex", column: "s", pattern: "^[A-Z]{2}$", reasonCode: "X" });
    const present = `(NOT (t."s" IS NULL OR btrim(t."s") = ''))`;
    expect(counts.element).toEqual({ text: present, values: [] });
    expect(failing).toEqual({ text: `(${present} AND NOT (btrim(t."s"::text) ~ $1))`, values: ["^[A-Z]{2}$"] });
  });

  it("describes the pattern", () => {
    expect(matchesRegex.describe({ kind: "matches_regex", column: "country", pattern: "^[A-Z]{2}$", reasonCode: "X" })).toBe("country matches ^[A-Z]{2}$");
  });
});
