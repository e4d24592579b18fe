// Names derived from what a user typed or uploaded: dataset slugs, SQL column names, table names, artifact keys.
// Pure functions; every result is safe to quote as an identifier or to use as an artifact key segment.

/** Postgres truncates identifiers at 63 bytes; slugs stay short enough for "tabular_<slug>_v<version>". */
export const MAX_SLUG_LENGTH = 40;
const MAX_COLUMN_LENGTH = 55;
/** Columns every raw/staging tabular table has besides the user's. */
export const PROVENANCE_COLUMNS = ["file_id", "source_line"] as const;

function asciiFold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Lowercase [a-z0-9_] words joined by "_", no leading/trailing "_". */
function snake(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** "Telco Customer Churn (2024)" -> "telco_customer_churn_2024"; url-safe, names the tables. */
export function datasetSlugBase(name: string): string {
  const base = snake(name).slice(0, MAX_SLUG_LENGTH).replace(/_+$/, "");
  return base || "dataset";
}

/** The first of base, base_2, base_3, ... that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `_${i}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * SQL column names for CSV headers: lowercase [a-z0-9_], unique, never one of the provenance columns, never
 * starting with a digit or "_" (run-suite's hidden columns are "_dup_<n>"). "Customer ID" -> "customer_id",
 * "" -> "column_1", a second "age" -> "age_2".
 */
export function sqlColumnNames(headers: readonly string[]): string[] {
  const used = new Set<string>(PROVENANCE_COLUMNS);
  return headers.map((header, i) => {
    let base = snake(header).slice(0, MAX_COLUMN_LENGTH).replace(/_+$/, "");
    if (!base) base = `column_${i + 1}`;
    if (/^[0-9]/.test(base)) base = `c_${base}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

export function rawTableName(slug: string, version: number): string {
  return `raw.tabular_${slug}_v${version}`;
}

export function stagingTableName(slug: string, version: number): string {
  return `staging.tabular_${slug}_v${version}`;
}

/** A file name usable as an artifact key segment, always ending in .csv: "Données clients.CSV" -> "Donnees_clients.csv". */
export function csvArtifactFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = asciiFold(base.replace(/\.csv$/i, ""))
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, 100);
  return `${stem || "data"}.csv`;
}

export function datasetArtifactPrefix(slug: string, version: number): string {
  return `datasets/tabular/${slug}/v${version}`;
}
