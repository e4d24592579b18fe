import { z } from "zod";

/** A pipeline parameter as a form field: plain data, so a server component can hand it to a client component. */
export interface ParamField {
  name: string;
  type: "number" | "string";
  integer: boolean;
  required: boolean;
  default?: string | number | boolean;
  description?: string;
}

type JsonSchemaProperty = { type?: string | string[]; default?: unknown; description?: string };

/** Server only: derives the form fields from a pipeline's zod params schema (its top-level object properties). */
export function paramFieldsOf(schema: z.ZodType): ParamField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const types = Array.isArray(prop.type) ? prop.type : [prop.type];
    const numeric = types.includes("number") || types.includes("integer");
    const def = prop.default;
    return {
      name,
      type: numeric ? "number" : "string",
      integer: types.includes("integer"),
      required: required.has(name),
      ...(typeof def === "string" || typeof def === "number" || typeof def === "boolean" ? { default: def } : {}),
      ...(prop.description ? { description: prop.description } : {}),
    };
  });
}
