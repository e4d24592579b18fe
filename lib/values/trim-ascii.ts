// One whitespace rule for every path (loader, staging SQL, suites): a value is trimmed of ASCII whitespace at both
// ends, i.e. space, \t, \n, \v, \f and \r. JS's String.trim also strips Unicode spaces (NBSP, U+2028) and SQL's
// btrim(x) only spaces; a category exported as "Instore\t" or "Instore\r" must read as "Instore" everywhere, and
// a non-breaking space inside a name is data, not padding.

const ASCII_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

export function trimAscii(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && ASCII_WHITESPACE.has(s.charCodeAt(start))) start++;
  while (end > start && ASCII_WHITESPACE.has(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** The same characters as an SQL string literal (escape syntax: works with any standard_conforming_strings). */
export const SQL_ASCII_WHITESPACE = "E' \\t\\n\\x0B\\f\\r'";

/** SQL: `expr` (text) trimmed of ASCII whitespace at both ends. */
export function sqlTrimAscii(expr: string): string {
  return `btrim(${expr}, ${SQL_ASCII_WHITESPACE})`;
}
