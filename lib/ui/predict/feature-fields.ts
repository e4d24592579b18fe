import type { FeatureSchema } from "../../ml/preprocess/preprocessor-json.ts";

// The what-if form's fields, from a model's feature schema (pure, shared by the page and the client form): one
// control per feature, bounded by what training saw, its starting value, and the form's strings turned back into an
// API row. Every value is a string in the form; "" means unknown (sent as null: the model imputes it).

export type FieldSpec =
  | { name: string; label: string; kind: "numeric"; min?: number; max?: number; step: string; hint: string }
  | { name: string; label: string; kind: "boolean"; hint: string }
  | { name: string; label: string; kind: "date"; min?: string; max?: string; hint: string }
  | { name: string; label: string; kind: "categorical"; options: string[]; hint: string };

const DAY_MS = 86_400_000;

/** "days_since_last_activity" → "Days since last activity"; "watch_minutes_30" → "Watch minutes 30". */
export function featureLabel(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString());

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** One field per feature; `today` (days since epoch) turns the training ages of date features into calendar bounds. */
export function fieldSpecs(schema: readonly FeatureSchema[], today: number): FieldSpec[] {
  return schema.map((f): FieldSpec => {
    const label = featureLabel(f.name);
    const unknown = f.missingShare > 0 ? " Empty = unknown." : "";
    if (f.kind === "categorical") {
      return { name: f.name, label, kind: "categorical", options: f.categories ?? [], hint: `${(f.categories ?? []).length} categories seen in training.${unknown}` };
    }
    if (f.kind === "boolean") return { name: f.name, label, kind: "boolean", hint: `Yes or no.${unknown}` };
    if (f.kind === "date") {
      // ages: min age = latest date, max age = earliest date
      const min = f.max !== undefined ? isoDay(today - f.max) : undefined;
      const max = f.min !== undefined ? isoDay(today - f.min) : undefined;
      return { name: f.name, label, kind: "date", min, max, hint: `${min && max ? `Training: ${min} to ${max} (as ages at today).` : ""}${unknown}`.trim() };
    }
    const range = f.min !== undefined && f.max !== undefined ? `Training range ${fmt(f.min)} to ${fmt(f.max)}, median ${fmt(f.median ?? f.min)}.` : "No training values.";
    const integral = [f.min, f.max, f.median].every((v) => v === undefined || Number.isInteger(v));
    return { name: f.name, label, kind: "numeric", min: f.min, max: f.max, step: integral ? "1" : "any", hint: `${range}${unknown}` };
  });
}

/** Starting values: the training median (numbers, booleans, date ages) or the most frequent category. */
export function medianValues(schema: readonly FeatureSchema[], today: number): Record<string, string> {
  return Object.fromEntries(
    schema.map((f) => {
      if (f.kind === "categorical") return [f.name, f.categories?.[0] ?? ""];
      if (f.median === undefined) return [f.name, ""];
      if (f.kind === "boolean") return [f.name, f.median >= 0.5 ? "true" : "false"];
      if (f.kind === "date") return [f.name, isoDay(today - Math.round(f.median))];
      return [f.name, fmt(f.median)];
    }),
  );
}

/** A looked-up customer's row (API values) as form strings. */
export function rowToValues(schema: readonly FeatureSchema[], row: Record<string, number | boolean | string | null>): Record<string, string> {
  return Object.fromEntries(
    schema.map((f) => {
      const v = row[f.name];
      if (v === null || v === undefined) return [f.name, ""];
      if (f.kind === "boolean") return [f.name, v === true || v === 1 ? "true" : "false"];
      return [f.name, String(v)];
    }),
  );
}

/** The form's strings as an API row, or the first problem per field (out of the training range, not a number). */
export function valuesToRow(specs: readonly FieldSpec[], values: Record<string, string>): { row: Record<string, number | boolean | string | null>; errors: Record<string, string> } {
  const row: Record<string, number | boolean | string | null> = {};
  const errors: Record<string, string> = {};
  for (const s of specs) {
    const text = (values[s.name] ?? "").trim();
    if (text === "") {
      row[s.name] = null;
      continue;
    }
    if (s.kind === "numeric") {
      const n = Number(text);
      if (!Number.isFinite(n)) errors[s.name] = "Enter a number.";
      else if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) errors[s.name] = `Enter a value from ${fmt(s.min!)} to ${fmt(s.max!)} (the training range).`;
      else row[s.name] = n;
    } else if (s.kind === "boolean") {
      row[s.name] = text === "true";
    } else if (s.kind === "date") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(dayOf(text))) errors[s.name] = "Enter a date.";
      else if ((s.min && text < s.min) || (s.max && text > s.max)) errors[s.name] = `Enter a date from ${s.min} to ${s.max} (the training range).`;
      else row[s.name] = text;
    } else {
      row[s.name] = text;
    }
  }
  return { row, errors };
}
