// The one number grammar of churnops: the loader, type inference, the data gate's parses_as and between, and the
// staging builds all decide "is this text a number?" here, so a value the gate passes is a value staging can cast.
//
// A number is decimal text (optional sign, digits with an optional point, or a point and digits, optional
// exponent) whose value is a finite double PostgreSQL's float8 accepts: `1e400` (overflow) and `1e-400`
// (underflow of a non-zero value) are not numbers, because ::float8 raises on both and would abort a whole
// statement. NaN, Infinity, hex, thousands separators and surrounding blanks are not numbers either (callers trim
// with trimAscii first).
//
// An integer is at most 18 digits, optionally written as a float with a zero fraction (`54018.0`: real exports
// write ids that way). Every 18-digit value fits a bigint; a column typed smaller (smallint, integer) also needs
// the value inside that type's range (integerFits).

/** JS form of the number grammar (shape only; parseFiniteNumber also checks the range). */
export const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** SQL (POSIX ARE) form of the same shape, bound as a parameter: `text ~ $n`. */
export const NUMBER_SQL_PATTERN = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";

/** JS form of the integer grammar. */
export const INTEGER_RE = /^[+-]?\d{1,18}(\.0+)?$/;
/** SQL form of the integer grammar. */
export const INTEGER_SQL_PATTERN = "^[+-]?[0-9]{1,18}([.]0+)?$";

/**
 * Magnitudes float8 input accepts as written (PostgreSQL raises "out of range" outside them, except for zero). The
 * same bounds in JS and SQL keep the loader and the gate in agreement at the edges.
 */
export const MIN_NORMAL_DOUBLE = 2.3e-308;
export const MAX_DOUBLE = 1.7e308;
/** Longer text is never a number here: it keeps ::numeric work per value bounded in SQL. */
export const MAX_NUMBER_TEXT = 400;

const NONZERO_DIGIT = /[1-9]/;

/** The value of a number text, or null when it is not one (wrong shape, overflow, underflow). */
export function parseFiniteNumber(text: string): number | null {
  if (text.length > MAX_NUMBER_TEXT || !NUMBER_RE.test(text)) return null;
  const value = Number(text);
  const size = Math.abs(value);
  if (size === 0) {
    // A zero from non-zero digits is an underflow (1e-400): the mantissa must be all zeros.
    const mantissa = text.replace(/[eE].*$/, "");
    return NONZERO_DIGIT.test(mantissa) ? null : 0;
  }
  return size >= MIN_NORMAL_DOUBLE && size <= MAX_DOUBLE ? value : null;
}

export function isNumberText(text: string): boolean {
  return parseFiniteNumber(text) !== null;
}

/** SQL integer types and their ranges (bigint's is the 18-digit grammar itself). */
export const INTEGER_RANGES = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-(10n ** 18n) + 1n, 10n ** 18n - 1n],
} as const;
export type IntegerType = keyof typeof INTEGER_RANGES;

/** The integer an integer text denotes (`54018.0` -> 54018n), or null when the text is not an integer. */
export function parseIntegerText(text: string): bigint | null {
  if (!INTEGER_RE.test(text)) return null;
  const point = text.indexOf(".");
  return BigInt(point === -1 ? text : text.slice(0, point));
}

/** True when `text` is an integer that fits the SQL type (a 20-digit id does not fit a bigint column). */
export function integerFits(text: string, type: IntegerType = "bigint"): boolean {
  const n = parseIntegerText(text);
  if (n === null) return false;
  const [min, max] = INTEGER_RANGES[type];
  return n >= min && n <= max;
}

/**
 * SQL boolean: `t` (a text expression, already trimmed) is a finite double. CASE, not AND: SQL does not promise
 * left-to-right AND, and 'abc'::numeric raises. `pattern` is the bound placeholder of NUMBER_SQL_PATTERN.
 */
export function sqlIsFiniteNumber(t: string, pattern: string): string {
  return `(CASE WHEN ${t} !~ ${pattern} OR length(${t}) > ${MAX_NUMBER_TEXT} THEN FALSE ELSE ${t}::numeric = 0 OR abs(${t}::numeric) BETWEEN ${MIN_NORMAL_DOUBLE} AND ${MAX_DOUBLE} END)`;
}

/** SQL float8 of a trimmed text expression, NULL (never an error) when it is not a number of this grammar. */
export function sqlToFiniteNumber(t: string, pattern: string): string {
  return `(CASE WHEN ${sqlIsFiniteNumber(t, pattern)} THEN ${t}::float8 END)`;
}
