import { describe, expect, it } from "vitest";
import { z } from "zod";
import { paramFieldsOf } from "./param-fields.ts";

describe("paramFieldsOf", () => {
  it("turns a params schema into plain form fields with defaults and help texts", () => {
    const schema = z.object({
      users: z.coerce.number().int().min(10).default(2000).describe("How many users"),
      ratio: z.coerce.number().min(0).max(1).default(0.35),
      startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default("2025-01-01"),
      key: z.string().refine((k) => k.length > 0, "empty").describe("Artifact key"),
    });
    expect(paramFieldsOf(schema)).toEqual([
      { name: "users", label: "Users", type: "number", integer: true, required: false, default: 2000, description: "How many users", minimum: 10 },
      { name: "ratio", label: "Ratio", type: "number", integer: false, required: false, default: 0.35, minimum: 0, maximum: 1 },
      { name: "startDate", label: "Start date", type: "string", integer: false, required: false, default: "2025-01-01", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      { name: "key", label: "Key", type: "string", integer: false, required: true, description: "Artifact key" },
    ]);
  });

  it("offers pickers for stored objects and a select for enums", () => {
    const schema = z.object({
      usersKey: z.string().describe("Artifact key of users.csv"),
      paymentsKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()).describe("Artifact key of PAYMENTS.csv"),
      versionId: z.string().uuid(),
      encoding: z.enum(["auto", "utf-8"]).default("auto"),
    });
    const [users, payments, version, encoding] = paramFieldsOf(schema);
    expect(users).toMatchObject({ label: "users.csv", picker: "artifact", required: true });
    expect(payments).toMatchObject({ label: "PAYMENTS.csv", picker: "artifact", required: false });
    expect(version).toMatchObject({ label: "Dataset version", picker: "dataset-version" });
    expect(version.pattern).toBeUndefined();
    expect(encoding).toMatchObject({ options: ["auto", "utf-8"], default: "auto" });
    expect(encoding.picker).toBeUndefined();
  });

  it("returns no fields for a schema without properties", () => {
    expect(paramFieldsOf(z.object({}))).toEqual([]);
  });
});
