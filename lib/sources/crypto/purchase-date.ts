import type { SqlParams } from "../../quality/sql-params.ts";
import type { DateFormat } from "../../quality/expectation-types.ts";
import { DATE_LAYOUTS, matchesDateFormat, sqlDateLayout } from "../../values/date-grammar.ts";
import { sqlTrimAscii, trimAscii } from "../../values/trim-ascii.ts";
import { PURCHASE_DATE_FORMATS } from "./crypto-contract.ts";

// The regex guard in front of every purchase_date parse: a value is read only when it matches one known layout
// exactly (the layout's regex, then the calendar rule of lib/values/date-grammar.ts), so "2026-13-45", "05.01.2026"
// or "yesterday" become NULL instead of a guess (Date.parse reads "1/2/26" and worse) or an error that aborts the
// whole staging statement (PostgreSQL 15's to_date raises on month 13). The raw_history suite's parses_as rule uses
// the same layouts, so every row the suite lets through parses here.

/** The ISO day a layout's text denotes (its y/m/d parts; a timestamp keeps its day). */
function isoDayOf(text: string, format: DateFormat): string {
  const L = DATE_LAYOUTS[format];
  const part = ([start, length]: readonly [number, number]) => text.slice(start - 1, start - 1 + length);
  return `${part(L.y)}-${part(L.m)}-${part(L.d)}`;
}

/** The layout a purchase_date text is written in, or null when it matches none of `formats` exactly. */
export function purchaseDateFormat(text: string, formats: readonly DateFormat[] = PURCHASE_DATE_FORMATS): DateFormat | null {
  const t = trimAscii(text);
  return formats.find((f) => new RegExp(DATE_LAYOUTS[f].re).test(t) && matchesDateFormat(t, f)) ?? null;
}

/** The purchase day (YYYY-MM-DD) of a text, or null when no known layout reads it. */
export function parsePurchaseDate(text: string, formats: readonly DateFormat[] = PURCHASE_DATE_FORMATS): string | null {
  const t = trimAscii(text);
  const format = purchaseDateFormat(t, formats);
  return format ? isoDayOf(t, format) : null;
}

/**
 * SQL: the purchase day of the text expression `expr` as a date, NULL when no known layout reads it; each layout's
 * regex is bound through `p`. Never raises: each branch's substr()::int and make_date run only behind its regex.
 */
export function sqlPurchaseDate(expr: string, p: SqlParams, formats: readonly DateFormat[] = PURCHASE_DATE_FORMATS): string {
  const v = sqlTrimAscii(expr);
  const branches = formats.map((f) => `${sqlDateLayout(v, f, p.add(DATE_LAYOUTS[f].re)).value}::date`);
  return `coalesce(${branches.join(", ")})`;
}
