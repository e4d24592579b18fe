import type { DateFormat } from "../../quality/expectation-types.ts";

// Date layouts for type inference: the same layouts and calendar rule as the data gate's parses_as
// (lib/quality/compile-predicate.ts), checked by character codes. Pure.

/**
 * Date layouts tried, in order of preference (lib/quality's DateFormat). DD/MM/YYYY is preferred over MM/DD/YYYY
 * when every value fits both (all days <= 12); both stay listed in `dateFormats` so a user can pick the other.
 * YYYYMMDD is never inferred: 8-digit values are numbers first.
 */
export const INFERRED_DATE_FORMATS: readonly DateFormat[] = [
  "YYYY-MM-DD", "YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI:SS", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY", "YYYY/MM/DD",
];

const digits = (s: string, start: number, length: number): number => {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

function isTime(s: string, at: number): boolean {
  if (s.charCodeAt(at + 2) !== 58 || s.charCodeAt(at + 5) !== 58) return false;
  const h = digits(s, at, 2);
  const mi = digits(s, at + 3, 2);
  const sec = digits(s, at + 6, 2);
  return h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60;
}

/** True when `value` is a real calendar date/time in `format` (the same rule as the data gate's parses_as). */
export function matchesDateFormat(value: string, format: DateFormat): boolean {
  const s = value;
  const sep = (i: number, ch: string) => s[i] === ch;
  switch (format) {
    case "YYYY-MM-DD":
      return s.length === 10 && sep(4, "-") && sep(7, "-") && isCalendarDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    case "YYYY-MM-DDTHH:MI:SS":
    case "YYYY-MM-DD HH:MI:SS":
      return s.length === 19 && sep(4, "-") && sep(7, "-") && sep(10, format[10]) && isCalendarDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)) && isTime(s, 11);
    case "DD/MM/YYYY":
      return s.length === 10 && sep(2, "/") && sep(5, "/") && isCalendarDay(digits(s, 6, 4), digits(s, 3, 2), digits(s, 0, 2));
    case "MM/DD/YYYY":
      return s.length === 10 && sep(2, "/") && sep(5, "/") && isCalendarDay(digits(s, 6, 4), digits(s, 0, 2), digits(s, 3, 2));
    case "DD-MM-YYYY":
      return s.length === 10 && sep(2, "-") && sep(5, "-") && isCalendarDay(digits(s, 6, 4), digits(s, 3, 2), digits(s, 0, 2));
    case "YYYY/MM/DD":
      return s.length === 10 && sep(4, "/") && sep(7, "/") && isCalendarDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    case "YYYYMMDD":
      return s.length === 8 && isCalendarDay(digits(s, 0, 4), digits(s, 4, 2), digits(s, 6, 2));
  }
}
