export type ColumnType = "integer" | "number" | "text" | "date" | "timestamp";

export interface CsvColumnSpec {
  /** Header name in the CSV. */
  name: string;
  type: ColumnType;
  /** Empty field not allowed. */
  required: boolean;
  /** Target column in the database (defaults to name). */
  column?: string;
  /** SQL type of the target column, used for COPY/unnest casts. */
  pgType: string;
}

export type CellValue = string | number | null;

/** A field that does not parse as its column's type; caught by the reader and turned into a located error. */
export class FieldParseError extends Error {}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/;

export const EXPECTED: Record<ColumnType, string> = {
  integer: "an integer",
  number: "a finite number",
  text: "text",
  date: "a date YYYY-MM-DD",
  timestamp: "a timestamp YYYY-MM-DDTHH:MM:SS",
};

function isCalendarDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Parses one CSV field. Integers stay strings (bigint-safe, passed to Postgres as text); NaN/Infinity text is
 * rejected because Postgres would store it and every statistic downstream would turn into NaN.
 */
export function parseCell(raw: string, spec: CsvColumnSpec): CellValue {
  if (raw === "") {
    if (spec.required) throw new FieldParseError("is empty but required");
    return null;
  }
  switch (spec.type) {
    case "text":
      return raw;
    case "integer":
      if (!INTEGER.test(raw)) throw new FieldParseError(`is not ${EXPECTED.integer}`);
      return raw;
    case "number": {
      if (!NUMBER.test(raw)) throw new FieldParseError(`is not ${EXPECTED.number}`);
      return Number(raw);
    }
    case "date": {
      const m = DATE.exec(raw);
      if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) throw new FieldParseError(`is not ${EXPECTED.date}`);
      return raw;
    }
    case "timestamp": {
      const m = TIMESTAMP.exec(raw);
      const timeOk = m && +m[4] < 24 && +m[5] < 60 && (m[6] === undefined || +m[6] < 60);
      if (!m || !timeOk || !isCalendarDate(+m[1], +m[2], +m[3])) throw new FieldParseError(`is not ${EXPECTED.timestamp}`);
      return raw;
    }
  }
}
