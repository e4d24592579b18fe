import type { DateFormat } from "../quality/expectation-types.ts";

// The one date grammar of churnops: the layouts a date or timestamp may be written in, and the calendar rule
// (a real day: no 2025-02-29, no month 13; hours < 24, minutes and seconds < 60; no zone). The loader, type
// inference (JS, by character codes), the data gate's parses_as and the staging builds (SQL) all read these.

export type DatePart = readonly [start: number, length: number]; // 1-based, as SQL substr() counts
type Part = DatePart;
export interface DateLayout {
  /** Shape of the text, as a POSIX regex (bound as a parameter in SQL). */
  re: string;
  y: Part;
  m: Part;
  d: Part;
  /** Separators: [position (1-based), character]. */
  seps: readonly (readonly [number, string])[];
  time?: { h: Part; mi: Part; s: Part };
}

const T = (at: number) => ({ h: [at, 2], mi: [at + 3, 2], s: [at + 6, 2] }) as const;
const TIME_SEPS = (at: number) => [[at + 2, ":"], [at + 5, ":"]] as const;

export const DATE_LAYOUTS: Record<DateFormat, DateLayout> = {
  "YYYY-MM-DD": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], seps: [[5, "-"], [8, "-"]] },
  "YYYY-MM-DDTHH:MI:SS": {
    re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: T(12),
    seps: [[5, "-"], [8, "-"], [11, "T"], ...TIME_SEPS(12)],
  },
  "YYYY-MM-DD HH:MI:SS": {
    re: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: T(12),
    seps: [[5, "-"], [8, "-"], [11, " "], ...TIME_SEPS(12)],
  },
  "DD/MM/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2], seps: [[3, "/"], [6, "/"]] },
  "MM/DD/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [1, 2], d: [4, 2], seps: [[3, "/"], [6, "/"]] },
  "DD-MM-YYYY": { re: "^[0-9]{2}-[0-9]{2}-[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2], seps: [[3, "-"], [6, "-"]] },
  "YYYY/MM/DD": { re: "^[0-9]{4}/[0-9]{2}/[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], seps: [[5, "/"], [8, "/"]] },
  YYYYMMDD: { re: "^[0-9]{8}$", y: [1, 4], m: [5, 2], d: [7, 2], seps: [] },
};

/** The layouts of a plain date column and of a timestamp column (ISO 8601 without a zone, T or a space). */
export const ISO_DATE_FORMATS: readonly DateFormat[] = ["YYYY-MM-DD"];
export const ISO_TIMESTAMP_FORMATS: readonly DateFormat[] = ["YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI:SS"];

const LENGTHS: Record<DateFormat, number> = Object.fromEntries(
  Object.entries(DATE_LAYOUTS).map(([f, l]) => [f, l.time ? 19 : l.y[0] === 1 && l.seps.length === 0 ? 8 : 10]),
) as Record<DateFormat, number>;

// Checked by character codes: a regex match array and a Date per value made garbage collection the largest cost of
// loading 480k events (profiled: 464 ms of 1.36 s).
function digits(s: string, [start, length]: Part): number {
  let n = 0;
  for (let i = start - 1; i < start - 1 + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day (Gregorian leap years). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** True when `value` is a real calendar date/time written in `format`. */
export function matchesDateFormat(value: string, format: DateFormat): boolean {
  const L = DATE_LAYOUTS[format];
  if (value.length !== LENGTHS[format]) return false;
  for (const [at, ch] of L.seps) if (value[at - 1] !== ch) return false;
  if (!isCalendarDay(digits(value, L.y), digits(value, L.m), digits(value, L.d))) return false;
  if (!L.time) return true;
  const h = digits(value, L.time.h);
  const mi = digits(value, L.time.mi);
  const s = digits(value, L.time.s);
  return h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60;
}

export function matchesAnyDateFormat(value: string, formats: readonly DateFormat[]): boolean {
  return formats.some((f) => matchesDateFormat(value, f));
}

export const isIsoDate = (s: string) => matchesAnyDateFormat(s, ISO_DATE_FORMATS);
export const isIsoTimestamp = (s: string) => matchesAnyDateFormat(s, ISO_TIMESTAMP_FORMATS);

export function isTimestampFormat(format: DateFormat | undefined): boolean {
  return Boolean(format && DATE_LAYOUTS[format].time);
}

/**
 * SQL for one layout over a trimmed text expression `v`: `valid` is the calendar check, `value` the date or timestamp
 * (NULL when invalid). Checked arithmetically after the regex: PostgreSQL 15's to_date raises on month 13 instead
 * of returning false, and has no pg_input_is_valid. CASE keeps substr()::int and make_date away from text that does
 * not fit the layout (they would raise). `re` is the bound placeholder of the layout's regex.
 */
export function sqlDateLayout(v: string, format: DateFormat, re: string): { valid: string; value: string } {
  const L = DATE_LAYOUTS[format];
  const part = ([start, len]: Part) => `substr(${v}, ${start}, ${len})::int`;
  const [y, m, d] = [part(L.y), part(L.m), part(L.d)];
  const lastDay = `extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day')`;
  const time = L.time ? ` AND ${part(L.time.h)} < 24 AND ${part(L.time.mi)} < 60 AND ${part(L.time.s)} < 60` : "";
  const shape = `${v} ~ ${re} AND ${y} >= 1 AND ${m} BETWEEN 1 AND 12`;
  const valid = `(CASE WHEN ${shape} THEN ${d} BETWEEN 1 AND ${lastDay}${time} ELSE FALSE END)`;
  const make = L.time ? `make_timestamp(${y}, ${m}, ${d}, ${part(L.time.h)}, ${part(L.time.mi)}, ${part(L.time.s)})` : `make_date(${y}, ${m}, ${d})`;
  return { valid, value: `(CASE WHEN ${valid} THEN ${make} END)` };
}
