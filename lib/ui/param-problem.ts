import type { ParamField } from "./param-fields.ts";

// Parameter problems in plain words, at the field: the browser checks what the schema's JSON form says (bounds,
// integers, required, allowed values, patterns) before sending; the server's zod check stays the authority and its
// issues are reworded by plainIssue (same sentences, so a problem reads the same whichever side found it).

const fmt = (n: number) => n.toLocaleString("en");

/** What is wrong with one raw form value, or null when it looks fine (empty optional fields take the default). */
export function paramProblem(field: ParamField, raw: string): string | null {
  const value = raw.trim();
  if (value === "") return field.required ? `Enter ${field.label.toLowerCase()}.` : null;
  if (field.options && !field.options.includes(value)) return `Choose one of: ${field.options.join(", ")}.`;
  if (field.type === "number") {
    const n = Number(value);
    if (!Number.isFinite(n)) return "Enter a number.";
    if (field.integer && !Number.isInteger(n)) return "Enter a whole number.";
    if (field.minimum !== undefined && field.maximum !== undefined && (n < field.minimum || n > field.maximum)) {
      return `Enter a number from ${fmt(field.minimum)} to ${fmt(field.maximum)}.`;
    }
    if (field.minimum !== undefined && n < field.minimum) return `Enter ${fmt(field.minimum)} or more.`;
    if (field.maximum !== undefined && n > field.maximum) return `Enter ${fmt(field.maximum)} or less.`;
  }
  if (field.pattern && !new RegExp(field.pattern).test(value)) {
    return field.pattern === "^\\d{4}-\\d{2}-\\d{2}$" ? "Enter a date as YYYY-MM-DD, e.g. 2025-01-31." : "This value does not have the expected format.";
  }
  return null;
}

/** The parts of a zod issue plainIssue reads (structural, so this file stays free of zod's types in the browser). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  values?: readonly unknown[];
  format?: string;
  origin?: string;
}

/** A zod issue as one plain sentence for the field it names. Custom refinements keep their own (already plain) text. */
export function plainIssue(issue: IssueLike): { field: string; message: string } {
  const field = issue.path.map(String).join(".") || "params";
  const n = (v: number | bigint | undefined) => fmt(Number(v));
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return { field, message: Number(issue.minimum) <= 1 ? "Enter a value." : `Enter at least ${n(issue.minimum)} characters.` };
      return { field, message: issue.inclusive === false ? `Enter more than ${n(issue.minimum)}.` : `Enter ${n(issue.minimum)} or more.` };
    case "too_big":
      if (issue.origin === "string") return { field, message: `Enter at most ${n(issue.maximum)} characters.` };
      return { field, message: issue.inclusive === false ? `Enter less than ${n(issue.maximum)}.` : `Enter ${n(issue.maximum)} or less.` };
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return { field, message: "This field is required." };
      if (issue.expected === "number" || issue.expected === "int") return { field, message: issue.expected === "int" ? "Enter a whole number." : "Enter a number." };
      return { field, message: `Enter a ${issue.expected ?? "valid"} value.` };
    case "invalid_value":
      return { field, message: `Choose one of: ${(issue.values ?? []).map(String).join(", ")}.` };
    case "invalid_format":
      if (issue.format === "uuid") return { field, message: "Choose a dataset version (an id like 0b5e…-…)." };
      return { field, message: /^(Invalid|Too|Expected)/.test(issue.message) ? "This value does not have the expected format." : issue.message };
    default:
      // Refinements carry a sentence written for people ("Not a real calendar date"); zod's own defaults do not.
      return { field, message: /^(Invalid|Too|Expected)/.test(issue.message) ? "This value is not valid." : capitalise(issue.message) };
  }
}

const capitalise = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
