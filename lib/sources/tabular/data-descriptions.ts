// The optional data-descriptions CSV shipped with many churn datasets ("Field,Description", "column,description",
// "Variable,Definition" ...): one row per column of the data file. Pure.

const NAME_HEADERS = ["field", "column", "column_name", "columnname", "name", "variable", "feature", "attribute", "field_name", "col"];
const TEXT_HEADERS = ["description", "descriptions", "desc", "meaning", "definition", "details", "explanation", "comment"];

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");

/**
 * Maps column name (lowercased, trimmed) -> description. The name and description columns are found by header
 * (case-insensitive); without a recognised header the first two columns are used.
 */
export function parseDataDescriptions(header: readonly string[], rows: readonly (readonly string[])[]): Map<string, string> {
  const names = header.map(norm);
  let nameAt = names.findIndex((h) => NAME_HEADERS.includes(h));
  let textAt = names.findIndex((h) => TEXT_HEADERS.includes(h));
  if (nameAt === -1 || textAt === -1 || nameAt === textAt) [nameAt, textAt] = [0, 1];
  const out = new Map<string, string>();
  for (const row of rows) {
    const name = (row[nameAt] ?? "").trim();
    const text = (row[textAt] ?? "").trim();
    if (name && text && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), text);
  }
  return out;
}

/** The description of a column, matched by name case-insensitively (also ignoring spaces vs underscores). */
export function describeColumn(descriptions: ReadonlyMap<string, string>, name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (descriptions.has(key)) return descriptions.get(key);
  const loose = norm(name);
  for (const [k, v] of descriptions) if (norm(k) === loose) return v;
  return undefined;
}
