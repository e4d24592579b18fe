import { z } from "zod";

/** A stored object the form offers instead of a typed key or id. */
export interface ParamChoice {
  value: string;
  label: string;
}

/** A pipeline parameter as a form field: plain data, so a server component can hand it to a client component. */
export interface ParamField {
  name: string;
  /** The field's label in plain words ("startDate" -> "Start date"). */
  label: string;
  type: "number" | "string";
  integer: boolean;
  required: boolean;
  default?: string | number | boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
  /** Allowed values (a zod enum): the form shows a select. */
  options?: string[];
  /** A regex the value must match (from z.string().regex). */
  pattern?: string;
  /** What a picker offers instead of free text: stored uploads (artifact keys) or dataset versions. */
  picker?: "artifact" | "dataset-version";
}

type JsonSchemaProperty = {
  type?: string | string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  anyOf?: JsonSchemaProperty[];
};

/** "startDate" -> "Start date", "paidRatio" -> "Paid ratio". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Which parameters name a stored object, by the catalogue's naming convention: `versionId` is a dataset version (a
 * UUID), `…Key` an artifact key. The zod refinements that check them do not survive into JSON Schema, names do.
 */
function pickerOf(name: string, format: string | undefined): ParamField["picker"] {
  if (name === "versionId" || format === "uuid") return "dataset-version";
  if (/Key$/.test(name)) return "artifact";
  return undefined;
}

/** Server only: derives the form fields from a pipeline's zod params schema (its top-level object properties). */
export function paramFieldsOf(schema: z.ZodType): ParamField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, outer]) => {
    // An optional field may come as anyOf [schema, {}] (z.preprocess): take the branch that says something.
    const prop: JsonSchemaProperty = { ...(outer.anyOf?.find((p) => p.type) ?? {}), ...outer };
    const types = Array.isArray(prop.type) ? prop.type : [prop.type];
    const numeric = types.includes("number") || types.includes("integer");
    const def = prop.default;
    const minimum = prop.minimum ?? prop.exclusiveMinimum;
    const maximum = prop.maximum ?? prop.exclusiveMaximum;
    const options = prop.enum?.every((v) => typeof v === "string") ? (prop.enum as string[]) : undefined;
    const picker = numeric || options ? undefined : pickerOf(name, prop.format);
    return {
      name,
      label: picker === "dataset-version" ? "Dataset version" : picker === "artifact" && prop.description ? prop.description.replace(/^Artifact key of /, "") : labelOf(name),
      type: numeric ? "number" : "string",
      integer: types.includes("integer"),
      required: required.has(name),
      ...(typeof def === "string" || typeof def === "number" || typeof def === "boolean" ? { default: def } : {}),
      ...(prop.description ? { description: prop.description } : {}),
      ...(minimum !== undefined && Math.abs(minimum) < Number.MAX_SAFE_INTEGER ? { minimum } : {}),
      ...(maximum !== undefined && Math.abs(maximum) < Number.MAX_SAFE_INTEGER ? { maximum } : {}),
      ...(options ? { options } : {}),
      ...(prop.pattern && !picker ? { pattern: prop.pattern } : {}),
      ...(picker ? { picker } : {}),
    };
  });
}
