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
      { name: "users", type: "number", integer: true, required: false, default: 2000, description: "How many users" },
      { name: "ratio", type: "number", integer: false, required: false, default: 0.35 },
      { name: "startDate", type: "string", integer: false, required: false, default: "2025-01-01" },
      { name: "key", type: "string", integer: false, required: true, description: "Artifact key" },
    ]);
  });

  it("returns no fields for a schema without properties", () => {
    expect(paramFieldsOf(z.object({}))).toEqual([]);
  });
});
