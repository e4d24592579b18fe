import { isIsoDate, isIsoTimestamp } from "../../values/date-grammar.ts";
import { integerFits, isNumberText, parseIntegerText, type IntegerType } from "../../values/number-grammar.ts";
import { trimAscii } from "../../values/trim-ascii.ts";

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

export type CellValue = string | null;

/** A field that does not parse as its column's type; caught by the reader and turned into a located error. */
export class FieldParseError extends Error {}

export const EXPECTED: Record<ColumnType, string> = {
  integer: "an integer",
  number: "a finite number",
  text: "text",
  date: "a date YYYY-MM-DD",
  timestamp: "a timestamp YYYY-MM-DDTHH:MM:SS",
};

/** The SQL integer type a column is stored in (the value must fit it), bigint unless the spec says smaller. */
function integerType(pgType: string): IntegerType {
  return pgType === "smallint" || pgType === "integer" ? pgType : "bigint";
}

/**
 * Validates one CSV field and returns it as the text Postgres receives (COPY and unnest both send text, so numbers
 * are not converted twice; integers stay bigint-safe). The grammars are lib/values' (a number is a finite double,
 * an integer fits its column's SQL type); the field is trimmed of ASCII whitespace first, as everywhere.
 */
export function parseCell(field: string, spec: CsvColumnSpec): CellValue {
  const raw = trimAscii(field);
  if (raw === "") {
    if (spec.required) throw new FieldParseError("is empty but required");
    return null;
  }
  switch (spec.type) {
    case "text":
      return raw;
    case "integer":
      // Returned as plain digits: "54018.0" is an integer here, but bigint input would refuse that text.
      if (!integerFits(raw, integerType(spec.pgType))) throw new FieldParseError(`is not ${EXPECTED.integer} that fits a ${integerType(spec.pgType)} column`);
      return String(parseIntegerText(raw));
    case "number":
      if (!isNumberText(raw)) throw new FieldParseError(`is not ${EXPECTED.number}`);
      return raw;
    case "date":
      if (!isIsoDate(raw)) throw new FieldParseError(`is not ${EXPECTED.date}`);
      return raw;
    case "timestamp":
      if (!isIsoTimestamp(raw)) throw new FieldParseError(`is not ${EXPECTED.timestamp}`);
      return raw;
  }
}
