import { getDb } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import { RELEASED_AFTER_SNAPSHOT } from "../lineage/staging-tables.ts";

// Read models of the /data page: what is loaded into raw.* and which files it came from.

/** Every table in the raw schema: the fixed sources' tables and each uploaded dataset version's own table. */
export async function rawTables(): Promise<string[]> {
  const { pool } = await getDb();
  const { rows } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'raw' AND table_type = 'BASE TABLE' ORDER BY table_name");
  return rows.map((r) => `raw.${r.name}`);
}

export interface RawTableCount {
  table: string;
  rows: number;
  /**
   * Set when the table was emptied after its load (RELEASED_AFTER_SNAPSHOT): the run whose snapshot keeps the rows,
   * and `rows` is what that load brought.
   */
  releasedBy?: string;
}

/** Tables emptied after their loads, with the rows and run of the latest load that landed in each. */
async function releasedLoads(tables: readonly string[]): Promise<Map<string, { rows: number; runId: string }>> {
  const released = new Set(Object.values(RELEASED_AFTER_SNAPSHOT).flat());
  const names = tables.filter((t) => released.has(t));
  if (names.length === 0) return new Map();
  const { pool } = await getDb();
  const { rows } = await pool.query<{ table_name: string; rows: number; run_id: string }>(
    `SELECT DISTINCT ON (table_name) table_name, rows, run_id::text FROM ops.ingested_files
      WHERE table_name = ANY($1::text[]) AND status = 'loaded' AND run_id IS NOT NULL ORDER BY table_name, created_at DESC`,
    [names],
  );
  return new Map(rows.map((r) => [r.table_name, { rows: r.rows, runId: r.run_id }]));
}


/** count(*) per table, valid while the table's storage file is the same one (see rawTableCounts). */
const countCache = new Map<string, { file: string; rows: number }>();
/** Raw tables appended to in place (same storage file, more rows): always counted, never cached. They stay small. */
const APPEND_ONLY_RAW_TABLES: ReadonlySet<string> = new Set(["raw.bt_crypto_transaction_history"]);

/**
 * Exact row counts (count(*), not the planner's estimate), cached per table storage file: raw tables are only ever
 * replaced whole (TRUNCATE or a swapped-in table), and both give the table a new file (pg_relation_filenode), so an
 * unchanged file means an unchanged count. Counting 480k rows on every /data view held the embedded database for a
 * noticeable time, and every other connection waited.
 */
export async function rawTableCounts(only?: readonly string[]): Promise<RawTableCount[]> {
  const { pool } = await getDb();
  const tables = only ?? (await rawTables());
  const { rows: files } = await pool.query<{ name: string; file: string | null }>(
    `SELECT t AS name, c.oid::text || ':' || pg_relation_filenode(c.oid)::text AS file
       FROM unnest($1::text[]) t LEFT JOIN pg_class c ON c.oid = to_regclass(t)`,
    [tables.map((t) => ident(t))],
  );
  const fileOf = new Map(files.map((f) => [f.name, f.file]));
  const counts = await Promise.all(
    tables.map(async (table) => {
      const file = fileOf.get(ident(table)) ?? null;
      const cached = file && !APPEND_ONLY_RAW_TABLES.has(table) ? countCache.get(table) : undefined;
      if (cached && cached.file === file) return { table, rows: cached.rows };
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
      if (file) countCache.set(table, { file, rows: Number(rows[0].n) });
      return { table, rows: Number(rows[0].n) };
    }),
  );
  // Only empty tables can be released ones: most /data views need no look at the loads.
  const loads = await releasedLoads(counts.filter((c) => c.rows === 0).map((c) => c.table));
  return counts.map((c) => {
    const load = loads.get(c.table);
    return c.rows === 0 && load ? { table: c.table, rows: load.rows, releasedBy: load.runId } : c;
  });
}

export interface IngestedFileView {
  id: string;
  runId: string | null;
  source: string;
  name: string;
  tableName: string;
  artifactKey: string | null;
  sha256: string;
  bytes: number;
  rows: number;
  durationMs: number;
  /** "loaded", or "failed": nothing was replaced, `error` says why */
  status: string;
  error: string | null;
  createdAt: string;
}

/** Sources that have loaded files (for the filter). */
export async function ingestedSources(): Promise<string[]> {
  const { prisma } = await getDb();
  const rows = await prisma.ingestedFile.findMany({ distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}

/** Loaded files (and loads that failed), newest first, one page at a time, optionally of one source. */
export async function listIngestedFiles(opts: { source?: string; page?: number; pageSize?: number } = {}): Promise<{ files: IngestedFileView[]; total: number; page: number; pageSize: number }> {
  const { prisma } = await getDb();
  const pageSize = Math.min(1000, Math.max(1, opts.pageSize ?? 25));
  const page = Math.max(1, opts.page ?? 1);
  const where = opts.source ? { source: opts.source } : {};
  const [rows, total] = await Promise.all([
    prisma.ingestedFile.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, runId: true, source: true, name: true, tableName: true, artifactKey: true, sha256: true, bytes: true, rows: true, durationMs: true, status: true, error: true, createdAt: true },
    }),
    prisma.ingestedFile.count({ where }),
  ]);
  return { files: rows.map((r) => ({ ...r, bytes: Number(r.bytes), createdAt: r.createdAt.toISOString() })), total, page, pageSize };
}
