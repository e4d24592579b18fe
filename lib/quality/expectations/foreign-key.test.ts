import { describe, expect, it } from "vitest";
import { compileForTest } from "./compile-for-test.ts";
import { foreignKey } from "./foreign-key.ts";

describe("foreignKey", () => {
  it("flags present keys with no row in the referenced table", () => {
    const { counts, failing } = compileForTest(foreignKey, { kind: "foreign_key", columns: ["id", "n"], references: { table: "raw.users", columns: ["user_id", "num"] }, reasonCode: "X" });
    const present = `(NOT (t."id" IS NULL OR btrim(t."id") = '')) AND (NOT (t."n" IS NULL))`;
    expect(counts.element).toEqual({ text: present, values: [] });
    expect(failing).toEqual({ text: `(${present} AND NOT EXISTS (SELECT 1 FROM "raw"."users" r WHERE r."user_id" = t."id" AND r."num" = t."n"))`, values: [] });
  });

  it("refuses a reference with a different number of columns", () => {
    expect(() => compileForTest(foreignKey, { kind: "foreign_key", columns: ["id", "n"], references: { table: "raw.users", columns: ["user_id"] }, reasonCode: "X" }))
      .toThrow(/foreign_key on \(id, n\) names 1 referenced columns/);
  });

  it("describes the reference", () => {
    expect(foreignKey.describe({ kind: "foreign_key", columns: ["user_id"], references: { table: "raw.elearning_users", columns: ["user_id"] }, reasonCode: "X" }))
      .toBe("user_id exists in raw.elearning_users (user_id)");
  });
});
