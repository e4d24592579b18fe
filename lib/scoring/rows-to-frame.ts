import { z } from "zod";
import { AppError } from "../errors.ts";
import type { FeatureSchema } from "../ml/preprocess/preprocessor-json.ts";
import type { RawColumn, RawFrame } from "../ml/types.ts";
import { fieldPath } from "./field-path.ts";

// Rows as API clients and the what-if form send them (one JSON object per customer, keyed by feature name) checked
// against the model's feature schema, then turned into the column-major RawFrame preprocessing reads. A value that
// is null or absent is "unknown" and goes through the model's own missing-value handling (median fill, missing
// indicator, the __missing__ category), exactly as a missing value did in training. A key the model does not know
// is an error: it is almost always a typo, and silently imputing the feature it meant would score a different
// customer.

/** Longest category value accepted (category names are short codes; this only stops absurd payloads). */
const MAX_CATEGORY_CHARS = 200;
/** Problems listed in one error (a bad batch would otherwise produce one line per cell). */
const MAX_LISTED_PROBLEMS = 20;

const DAY_MS = 86_400_000;

/** A 400 that names every wrong field as `rows[i].feature` (route handlers return `fields` as they are). */
export class RowValidationError extends AppError<"INVALID_INPUT"> {
  constructor(readonly fields: Record<string, string>, total: number) {
    const entries = Object.entries(fields);
    const more = total > entries.length ? ` (and ${total - entries.length} more)` : "";
    const list = entries.slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ");
    super("INVALID_INPUT", `Some feature values do not fit the model: ${list}${entries.length > 3 ? "; …" : ""}${more}. To fix: send each row as {"feature": value} with the kinds listed at GET /api/models?include=features.`);
    this.name = "RowValidationError";
  }
}

function valueSchema(f: FeatureSchema): z.ZodType {
  switch (f.kind) {
    case "numeric":
      return z.number({ error: "expected a number, or null when unknown" }).nullish();
    case "boolean":
      return z.union([z.boolean(), z.literal(0), z.literal(1)], { error: "expected true or false (or 1 / 0), or null when unknown" }).nullish();
    case "date":
      return z.iso.date({ error: "expected a date as YYYY-MM-DD, or null when unknown" }).nullish();
    case "categorical": {
      const known = f.categories?.length ? ` (known: ${f.categories.slice(0, 8).join(", ")}${f.categories.length > 8 ? ", …" : ""})` : "";
      const message = `expected a category as text${known}, or null when unknown`;
      return z.union([z.string().max(MAX_CATEGORY_CHARS, `at most ${MAX_CATEGORY_CHARS} characters`), z.number()], { error: message }).nullish();
    }
  }
}

// One compiled zod object per feature schema (zod v4 compiles object parsers; the schema array of a cached
// predictor is the same object on every request).
const compiled = new WeakMap<readonly FeatureSchema[], z.ZodType>();

/** The zod schema of one row of `schema`'s features (exported for the OpenAPI document and tests). */
export function rowSchema(schema: readonly FeatureSchema[]): z.ZodType<Record<string, unknown>> {
  let s = compiled.get(schema);
  if (!s) {
    s = z.strictObject(Object.fromEntries(schema.map((f) => [f.name, valueSchema(f)])));
    compiled.set(schema, s);
  }
  return s as z.ZodType<Record<string, unknown>>;
}

const isFiniteNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const ACCEPTS: Record<Exclude<FeatureSchema["kind"], "date">, (v: unknown) => boolean> = {
  numeric: isFiniteNumber,
  boolean: (v) => typeof v === "boolean" || v === 0 || v === 1,
  categorical: (v) => (typeof v === "string" && v.length <= MAX_CATEGORY_CHARS) || isFiniteNumber(v),
};

// The same decision as rowSchema(schema) for a valid row, without building zod's result: a served prediction
// validates one row per request, and zod's object parse was a tenth of its time. Any row it does not accept goes
// through zod, which alone words the errors. Models with date features always take the zod path (ISO dates).
const fastChecks = new WeakMap<readonly FeatureSchema[], ((row: unknown) => boolean) | null>();

function fastCheck(schema: readonly FeatureSchema[]): ((row: unknown) => boolean) | null {
  if (fastChecks.has(schema)) return fastChecks.get(schema)!;
  let check: ((row: unknown) => boolean) | null = null;
  if (!schema.some((f) => f.kind === "date")) {
    const accepts = new Map(schema.map((f) => [f.name, ACCEPTS[f.kind as keyof typeof ACCEPTS]]));
    check = (row) => {
      if (typeof row !== "object" || row === null || Array.isArray(row)) return false;
      for (const key in row) {
        if (!Object.hasOwn(row, key)) continue;
        const accept = accepts.get(key);
        const v = (row as Record<string, unknown>)[key];
        if (!accept || (v !== null && v !== undefined && !accept(v))) return false;
      }
      return Object.getPrototypeOf(row) === Object.prototype || Object.getPrototypeOf(row) === null;
    };
  }
  fastChecks.set(schema, check);
  return check;
}

/**
 * Validates `rows` against the feature schema and builds a RawFrame with one column per schema feature, in schema
 * order (numbers and booleans as Float64Array with NaN for unknown, dates as days since 1970-01-01, categories as
 * text or null). O(rows · features).
 *
 * @param path the name of the rows in error messages ("rows" gives rows[3].watch_minutes; "row" gives row.watch_minutes for one row)
 * @throws RowValidationError naming each wrong field and its row
 */
export function rowsToFrame(schema: readonly FeatureSchema[], rows: readonly unknown[], options: { path?: string; single?: boolean } = {}): RawFrame {
  const check = rowSchema(schema);
  const base = options.path ?? "rows";
  const fields: Record<string, string> = {};
  let problems = 0;
  const known = schema.map((f) => f.name);
  const parsed: Record<string, unknown>[] = new Array(rows.length);
  const fast = fastCheck(schema);
  for (let i = 0; i < rows.length; i++) {
    if (fast?.(rows[i])) {
      parsed[i] = rows[i] as Record<string, unknown>;
      continue;
    }
    const result = check.safeParse(rows[i]);
    if (result.success) {
      parsed[i] = result.data;
      continue;
    }
    const at: PropertyKey[] = options.single ? [base] : [base, i];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems++;
          if (Object.keys(fields).length < MAX_LISTED_PROBLEMS) fields[fieldPath([...at, key])] = `not a feature of this model (features: ${listNames(known)})`;
        }
        continue;
      }
      problems++;
      const message = issue.path.length === 0 ? "expected an object of feature values" : issue.message;
      if (Object.keys(fields).length < MAX_LISTED_PROBLEMS) fields[fieldPath([...at, ...issue.path])] = message;
    }
  }
  if (problems > 0) throw new RowValidationError(fields, problems);

  const n = rows.length;
  const columns: RawColumn[] = schema.map((f): RawColumn => {
    if (f.kind === "categorical") {
      const values = parsed.map((r) => {
        const v = r[f.name];
        return v === null || v === undefined ? null : String(v);
      });
      return { name: f.name, kind: "categorical", values };
    }
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = toNumber(f.kind, parsed[i]![f.name]);
    return { name: f.name, kind: f.kind, values } as RawColumn;
  });
  return { rows: n, columns };
}

function toNumber(kind: "numeric" | "boolean" | "date", v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  if (kind === "date") return Date.parse(`${v as string}T00:00:00Z`) / DAY_MS;
  if (typeof v === "boolean") return v ? 1 : 0;
  return v as number;
}

function listNames(names: readonly string[]): string {
  return names.length > 12 ? `${names.slice(0, 12).join(", ")}, … ${names.length - 12} more` : names.join(", ");
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (the as-of day of date features). */
export const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
