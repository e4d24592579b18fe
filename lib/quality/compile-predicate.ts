import { ident } from "../db/sql.ts";
import type { DateFormat, Predicate, Scalar } from "./expectation-types.ts";
import { DATE_LAYOUTS } from "../values/date-grammar.ts";
import { INTEGER_SQL_PATTERN, NUMBER_SQL_PATTERN } from "../values/number-grammar.ts";

export type ColumnKind = "numeric" | "text" | "temporal" | "boolean" | "other";

/** Collects bound parameters while SQL is assembled ($1, $2, ...): values never become SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface CompileContext {
  params: SqlParams;
  /** Column name -> kind, from information_schema. */
  columns: ReadonlyMap<string, ColumnKind>;
  /** Alias of the validated relation. */
  alias: string;
}

const NUMERIC_TEXT = NUMBER_SQL_PATTERN;

export function columnRef(ctx: CompileContext, column: string): string {
  if (!ctx.columns.has(column)) throw new MissingColumnError(column);
  return `${ctx.alias}.${ident(column)}`;
}

export class MissingColumnError extends Error {
  constructor(readonly column: string) {
    super(`column "${column}" does not exist`);
  }
}

/**
 * True when text is a number a double can hold: the regex, then a range check in numeric (1e400 and 1e-400 match
 * the regex but make ::float8 raise "out of range", which would abort the whole validation).
 */
function isFiniteDoubleText(ctx: CompileContext, t: string): string {
  // CASE, not AND: SQL does not promise AND evaluates left to right, and 'abc'::numeric raises.
  return `(CASE WHEN ${t} !~ ${ctx.params.add(NUMERIC_TEXT)} OR length(${t}) > 400 THEN FALSE ELSE ${t}::numeric = 0 OR abs(${t}::numeric) BETWEEN 2.3e-308 AND 1.7e308 END)`;
}

/** A numeric view of a column: text columns are cast only when they hold a finite double (NULL otherwise, never an error). */
export function numericRef(ctx: CompileContext, column: string): string {
  const ref = columnRef(ctx, column);
  if (ctx.columns.get(column) === "numeric") return `${ref}::float8`;
  const t = `btrim(${ref}::text)`;
  return `(CASE WHEN ${isFiniteDoubleText(ctx, t)} THEN ${t}::float8 END)`;
}

/** "Missing" covers SQL NULL and, for text, the empty or blank string (real exports write "" for nulls). */
export function isMissing(ctx: CompileContext, column: string): string {
  const ref = columnRef(ctx, column);
  return ctx.columns.get(column) === "text" ? `(${ref} IS NULL OR btrim(${ref}) = '')` : `(${ref} IS NULL)`;
}

function comparable(ctx: CompileContext, column: string, value: Scalar): [string, string] {
  if (typeof value === "number") return [numericRef(ctx, column), `${ctx.params.add(value)}::float8`];
  if (typeof value === "boolean") return [`${columnRef(ctx, column)}::boolean`, `${ctx.params.add(value)}::boolean`];
  const kind = ctx.columns.get(column);
  const ref = columnRef(ctx, column);
  if (kind === "temporal") return [ref, `${ctx.params.add(value)}::timestamp`];
  return [`${ref}::text`, `${ctx.params.add(value)}::text`];
}

export function inSet(ctx: CompileContext, column: string, values: readonly Scalar[], caseInsensitive = false): string {
  const ref = `btrim(${columnRef(ctx, column)}::text)`;
  const texts = values.map((v) => (caseInsensitive ? String(v).toLowerCase() : String(v)));
  return `${caseInsensitive ? `lower(${ref})` : ref} = ANY(${ctx.params.add(texts)}::text[])`;
}

/** SQL boolean for a predicate; NULL comparisons are false (coalesced), as a data rule reads them. */
export function compilePredicate(ctx: CompileContext, p: Predicate): string {
  if ("all" in p) return p.all.length ? `(${p.all.map((q) => compilePredicate(ctx, q)).join(" AND ")})` : "TRUE";
  if ("any" in p) return p.any.length ? `(${p.any.map((q) => compilePredicate(ctx, q)).join(" OR ")})` : "FALSE";
  if ("not" in p) return `(NOT ${compilePredicate(ctx, p.not)})`;
  switch (p.op) {
    case "is_null":
      return isMissing(ctx, p.column);
    case "not_null":
      return `(NOT ${isMissing(ctx, p.column)})`;
    case "in":
      return `coalesce(${inSet(ctx, p.column, p.values, p.caseInsensitive)}, FALSE)`;
    case "not_in":
      return `coalesce(NOT ${inSet(ctx, p.column, p.values, p.caseInsensitive)}, FALSE)`;
    default: {
      const [left, right] = comparable(ctx, p.column, p.value);
      return `coalesce(${left} ${p.op === "!=" ? "<>" : p.op} ${right}, FALSE)`;
    }
  }
}

type Part = readonly [start: number, length: number]; // 1-based substring positions
const FORMATS = DATE_LAYOUTS;

/**
 * True when the text is a real calendar date/time in one of the formats. Checked arithmetically after the regex:
 * PostgreSQL 15's to_date raises on month 13 instead of returning false, and has no pg_input_is_valid.
 */
export function parsesAsDate(ctx: CompileContext, column: string, formats: readonly DateFormat[]): string {
  const v = `btrim(${columnRef(ctx, column)}::text)`;
  const part = ([start, len]: Part) => `substr(${v}, ${start}, ${len})::int`;
  const branches = formats.map((f) => {
    const L = FORMATS[f];
    const [y, m, d] = [part(L.y), part(L.m), part(L.d)];
    const lastDay = `extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day')`;
    const time = L.time ? ` AND ${part(L.time.h)} < 24 AND ${part(L.time.mi)} < 60 AND ${part(L.time.s)} < 60` : "";
    // CASE keeps substr()::int and make_date away from text that does not fit this layout (they would raise).
    return `(CASE WHEN ${v} ~ ${ctx.params.add(L.re)} AND ${y} >= 1 AND ${m} BETWEEN 1 AND 12 THEN ${d} BETWEEN 1 AND ${lastDay}${time} ELSE FALSE END)`;
  });
  return `(${branches.join(" OR ")})`;
}

export function parsesAsNumber(ctx: CompileContext, column: string, integer: boolean): string {
  const ref = `btrim(${columnRef(ctx, column)}::text)`;
  // Integers written as floats (54018.0) count as integers: real exports do that to id columns. At most 18
  // digits, so the value fits a bigint.
  if (integer) return `(${ref} ~ ${ctx.params.add(INTEGER_SQL_PATTERN)})`;
  return isFiniteDoubleText(ctx, ref);
}
