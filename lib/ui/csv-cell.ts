// CSV helpers for downloads that end up in spreadsheets. Pure functions: no I/O.

/**
 * Characters that make Excel, LibreOffice and Google Sheets treat a cell as a formula (CSV/formula injection,
 * OWASP). Tab and carriage return are included because some spreadsheets strip them and then see the next one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text that could start a formula gets a leading single quote; quoted per RFC 4180 when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return Number.isFinite(Number(value)) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
