import type { Predicate, Scalar } from "./expectation-types.ts";

// Predicates as short text for expectation descriptions ("event_type in (login, payment_success)").

const MAX_LISTED = 8;

/** Values as a list, shortened past MAX_LISTED ("a, b, c, … (12 values)"). */
export function describeValues(values: readonly Scalar[]): string {
  const shown = values.slice(0, MAX_LISTED).map(String).join(", ");
  return values.length > MAX_LISTED ? `${shown}, … (${values.length} values)` : shown;
}

export function describePredicate(p: Predicate): string {
  if ("all" in p) return p.all.length ? p.all.map(nested).join(" and ") : "always";
  if ("any" in p) return p.any.length ? p.any.map(nested).join(" or ") : "never";
  if ("not" in p) return `not ${nested(p.not)}`;
  switch (p.op) {
    case "is_null":
      return `${p.column} is missing`;
    case "not_null":
      return `${p.column} is present`;
    case "in":
    case "not_in":
      return `${p.column} ${p.op === "in" ? "in" : "not in"} (${describeValues(p.values)})${p.caseInsensitive ? " ignoring case" : ""}`;
    default:
      return `${p.column} ${p.op} ${String(p.value)}`;
  }
}

/** A compound predicate inside another is bracketed so "a and (b or c)" reads right. */
const nested = (p: Predicate) => ("all" in p || "any" in p ? `(${describePredicate(p)})` : describePredicate(p));
