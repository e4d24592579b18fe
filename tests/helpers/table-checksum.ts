import { query } from "../../lib/db/sql.ts";

export interface ChecksumOptions {
  /** Columns left out, e.g. file_id: a rerun loads the same rows under a new file id. */
  exclude?: readonly string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * An order-independent content checksum of a table: the row count plus the sums of both 64-bit halves of
 * md5(row::text) over every row. Equal rows in any physical order give the same value; a changed, added, missing
 * or duplicated row changes it. Plain SQL that PostgreSQL 15 and PGlite answer alike (compare values from one engine).
 */
export async function tableChecksum(table: string, options: ChecksumOptions = {}): Promise<string> {
  const [schema, name] = table.split(".");
  const columns = await query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
    [schema, name],
  );
  if (columns.length === 0) throw new Error(`tableChecksum: no table ${table}`);
  const kept = columns.map((c) => c.column_name).filter((c) => !options.exclude?.includes(c));
  // ROW(...) with one column is still a row, so a one-column table hashes its values, not a bare scalar.
  const row = `md5(ROW(${kept.map((c) => `t.${quote(c)}`).join(", ")})::text)`;
  const half = (from: number) => `coalesce(sum(('x' || substr(${row}, ${from}, 16))::bit(64)::bigint), 0)`;
  const [r] = await query<{ n: string; a: string; b: string }>(
    `SELECT count(*) AS n, ${half(1)} AS a, ${half(17)} AS b FROM ${quote(schema)}.${quote(name)} t`,
  );
  return `${r.n} rows, ${r.a}/${r.b}`;
}

/** Checksums of every table in a schema (matching a LIKE pattern), by qualified name: a new or dropped table shows too. */
export async function schemaChecksums(schema: string, options: ChecksumOptions & { like?: string } = {}): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename LIKE $2 ORDER BY tablename",
    [schema, options.like ?? "%"],
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) sums[`${schema}.${name}`] = await tableChecksum(`${schema}.${name}`, options);
  return sums;
}
