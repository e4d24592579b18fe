import type { DateFormat } from "../expectation-types.ts";

// The number and date grammar of the quality compiler, in one place: the regexes and the date layout table that
// parses_as, between and the predicate comparisons apply to text values. (A shared grammar module for the loader,
// staging and type inference is meant to replace these constants; swapping them is a change to this file only.)

/** A decimal number, optionally signed and with an exponent; range is checked separately (see value-sql.ts). */
export const NUMERIC_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";

/**
 * An integer. Integers written as floats (54018.0) count as integers: real exports do that to id columns. At most 18
 * digits, so the value fits a bigint.
 */
export const INTEGER_TEXT = "^[+-]?[0-9]{1,18}([.]0+)?$";

/** 1-based substring position and length of a date part. */
export type DatePart = readonly [start: number, length: number];

export interface DateLayout {
  re: string;
  y: DatePart;
  m: DatePart;
  d: DatePart;
  time?: { h: DatePart; mi: DatePart; s: DatePart };
}

const timeAt = (at: number) => ({ h: [at, 2], mi: [at + 3, 2], s: [at + 6, 2] }) as const;

export const DATE_LAYOUTS: Readonly<Record<DateFormat, DateLayout>> = {
  "YYYY-MM-DD": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2] },
  "YYYY-MM-DDTHH:MI:SS": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: timeAt(12) },
  "YYYY-MM-DD HH:MI:SS": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: timeAt(12) },
  "DD/MM/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2] },
  "MM/DD/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [1, 2], d: [4, 2] },
  "DD-MM-YYYY": { re: "^[0-9]{2}-[0-9]{2}-[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2] },
  "YYYY/MM/DD": { re: "^[0-9]{4}/[0-9]{2}/[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2] },
  YYYYMMDD: { re: "^[0-9]{8}$", y: [1, 4], m: [5, 2], d: [7, 2] },
};
