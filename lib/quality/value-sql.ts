import type { DateFormat } from "./expectation-types.ts";
import { columnRef, trimmedText, type CompileContext } from "./compile-context.ts";
import { DATE_LAYOUTS, INTEGER_TEXT, NUMERIC_TEXT, type DatePart } from "./expectations/value-patterns.ts";
import { joinSql, raw, sql, type SqlFragment } from "./sql-fragment.ts";

// SQL that reads a value as a number or a date without ever raising: one bad value must make its row fail a rule,
// never abort the whole validation.

/**
 * True when text is a number a double can hold: the regex, then a range check in numeric (1e400 and 1e-400 match
 * the regex but make ::float8 raise "out of range", which would abort the whole validation).
 */
function isFiniteDoubleText(t: SqlFragment): SqlFragment {
  // CASE, not AND: SQL does not promise AND evaluates left to right, and 'abc'::numeric raises.
  return sql`(CASE WHEN ${t} !~ ${NUMERIC_TEXT} OR length(${t}) > 400 THEN FALSE ELSE ${t}::numeric = 0 OR abs(${t}::numeric) BETWEEN 2.3e-308 AND 1.7e308 END)`;
}

/** A numeric view of a column: text columns are cast only when they hold a finite double (NULL otherwise, never an error). */
export function numericRef(ctx: CompileContext, column: string): SqlFragment {
  if (ctx.columns.get(column) === "numeric") return sql`${columnRef(ctx, column)}::float8`;
  const t = trimmedText(ctx, column);
  return sql`(CASE WHEN ${isFiniteDoubleText(t)} THEN ${t}::float8 END)`;
}

export function parsesAsNumber(ctx: CompileContext, column: string, integer: boolean): SqlFragment {
  const t = trimmedText(ctx, column);
  return integer ? sql`(${t} ~ ${INTEGER_TEXT})` : isFiniteDoubleText(t);
}

/**
 * True when the text is a real calendar date/time in one of the formats. Checked arithmetically after the regex:
 * PostgreSQL 15's to_date raises on month 13 instead of returning false, and has no pg_input_is_valid.
 */
export function parsesAsDate(ctx: CompileContext, column: string, formats: readonly DateFormat[]): SqlFragment {
  const v = trimmedText(ctx, column);
  // Positions are constants of the layout table, not data: written as SQL integers.
  const part = ([start, len]: DatePart) => sql`substr(${v}, ${raw(String(start))}, ${raw(String(len))})::int`;
  const branches = formats.map((f) => {
    const L = DATE_LAYOUTS[f];
    const [y, m, d] = [part(L.y), part(L.m), part(L.d)];
    const lastDay = sql`extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day')`;
    const time = L.time ? sql` AND ${part(L.time.h)} < 24 AND ${part(L.time.mi)} < 60 AND ${part(L.time.s)} < 60` : raw("");
    // CASE keeps substr()::int and make_date away from text that does not fit this layout (they would raise).
    return sql`(CASE WHEN ${v} ~ ${L.re} AND ${y} >= 1 AND ${m} BETWEEN 1 AND 12 THEN ${d} BETWEEN 1 AND ${lastDay}${time} ELSE FALSE END)`;
  });
  return sql`(${joinSql(branches, " OR ")})`;
}
