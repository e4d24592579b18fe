import { lineRanges, type LineRange } from "../db/side-table.ts";
import { ident, type Queryable } from "../db/sql.ts";
import { CHUNK_ROWS, combineChecksums, digestTable, primaryKeyOf, type TableDigest } from "./table-checksum.ts";

// Snapshots stored as compressed column blocks (docs/decisions/017-compressed-snapshot-blocks.md): each row of
// `<snapshot>_blk` holds BLOCK_ROWS consecutive rows of the staging table (in (file_id, source_line) order) as one
// array per column, which Postgres compresses out of line (TOAST); a view with the snapshot's name unnests them,
// so the snapshot reads like the table it copies. The e-learning events snapshot took 73 MB as rows and 13 MB as
// blocks; a full scan through the view is ~2.4× slower, so chunked readers read whole blocks by their key instead
// (snapshotLineRanges).

/** Source rows per block: arrays of 1,000 values are large enough for TOAST to compress them well. */
export const BLOCK_ROWS = 1_000;

/** The key a block snapshot's source must have: blocks are runs of lines of one file. */
const FILE_ID = "file_id";
const SOURCE_LINE = "source_line";

/** `snapshots.<name>_blk`: the blocks table behind a snapshot view (pure). */
export function blocksTableOf(snapshot: string): string {
  const dot = snapshot.indexOf(".");
  return `${snapshot.slice(0, dot)}.${snapshot.slice(dot + 1, dot + 1 + 59)}_blk`;
}

interface Column {
  name: string;
  type: string;
}

async function columnsOf(client: Queryable, table: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [ident(table)],
  );
  return rows;
}

/** The unnesting SELECT over a blocks table, columns in the source table's order; `where` filters blocks (alias b). */
function unnestSql(blocks: string, columns: readonly Column[], where = "true"): string {
  const arrays = columns.filter((c) => c.name !== FILE_ID);
  const select = columns.map((c) => (c.name === FILE_ID ? `b.${ident(c.name)}` : `u.${ident(c.name)}`)).join(", ");
  return `SELECT ${select} FROM ${ident(blocks)} b
    CROSS JOIN LATERAL unnest(${arrays.map((c) => `b.${ident(c.name)}`).join(", ")}) AS u(${arrays.map((c) => ident(c.name)).join(", ")})
    WHERE ${where}`;
}

/**
 * Copies `source` (a table keyed on (file_id, source_line)) into a block snapshot named `snapshot`: the blocks
 * table, filled chunk by chunk in key order, each chunk packed and checksummed in one statement (so the checksum
 * is that of exactly the packed rows, as for a row snapshot), then the view. Returns the source rows' digest.
 */
export async function createBlockSnapshot(client: Queryable, source: string, snapshot: string, opts: { chunkRows?: number; blockRows?: number; signal?: AbortSignal } = {}): Promise<TableDigest> {
  const key = (await primaryKeyOf(client, source)).map((k) => k.name);
  if (key.join(",") !== `${FILE_ID},${SOURCE_LINE}`) throw new Error(`${source} is keyed on (${key.join(", ")}), not (file_id, source_line), so it cannot be stored as line blocks`);
  const columns = await columnsOf(client, source);
  const arrays = columns.filter((c) => c.name !== FILE_ID);
  const blocks = blocksTableOf(snapshot);
  await client.query(
    `CREATE TABLE ${ident(blocks)} (file_id uuid NOT NULL, line_lo integer NOT NULL, line_hi integer NOT NULL, rows integer NOT NULL,
       ${arrays.map((c) => `${ident(c.name)} ${c.type}[] NOT NULL`).join(", ")}, PRIMARY KEY (file_id, line_lo))`,
  );
  const pack = `INSERT INTO ${ident(blocks)} (file_id, line_lo, line_hi, rows, ${arrays.map((c) => ident(c.name)).join(", ")})
    SELECT file_id, min(source_line), max(source_line), count(*), ${arrays.map((c) => `array_agg(${ident(c.name)} ORDER BY source_line)`).join(", ")}
      FROM (SELECT c.*, (row_number() OVER (PARTITION BY c.file_id ORDER BY c.source_line) - 1) / ${opts.blockRows ?? BLOCK_ROWS} AS block FROM chunk c) n
     GROUP BY file_id, block`;
  const digest = await digestTable(client, source, { copySql: pack, chunkRows: opts.chunkRows, signal: opts.signal });
  await client.query(`CREATE VIEW ${ident(snapshot)} AS ${unnestSql(blocks, columns)}`);
  return digest;
}

/** Whether `relation` is a block snapshot (a view over its blocks table). */
export async function isBlockSnapshot(client: Queryable, relation: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    "SELECT (SELECT relkind FROM pg_class WHERE oid = to_regclass($1)) = 'v' AND to_regclass($2) IS NOT NULL AS ok",
    [ident(relation), ident(blocksTableOf(relation))],
  );
  return rows[0]?.ok === true;
}

/** Drops a snapshot whichever way it is stored (rows, or a view and its blocks); absent parts are skipped. */
export async function dropSnapshotRelation(client: Queryable, relation: string): Promise<void> {
  const { rows } = await client.query<{ kind: string | null }>("SELECT relkind::text AS kind FROM pg_class WHERE oid = to_regclass($1)", [ident(relation)]);
  const kind = rows[0]?.kind;
  if (kind === "v") await client.query(`DROP VIEW ${ident(relation)}`);
  else if (kind === "r") await client.query(`DROP TABLE ${ident(relation)}`);
  await client.query(`DROP TABLE IF EXISTS ${ident(blocksTableOf(relation))}`);
}

/** How a chunked reader reads a snapshot: the ranges, and per range the relation (SQL) and predicate, both over $1..$3. */
export interface ChunkedRead {
  ranges: LineRange[];
  /** FROM item: the relation's quoted name, or a subquery reading only the range's blocks */
  from: string;
  /** predicate on the FROM item (alias e) selecting the range's rows */
  where: string;
}

/**
 * Chunks of about `rows` lines of a snapshot (or any table keyed on (file_id, source_line)), each read with $1 = file
 * id, $2 = first line, $3 = last line. A block snapshot is read block by block: through the view, the line
 * predicate would unnest every block of the file for every chunk. `columns` names the columns the reader uses.
 */
export async function snapshotLineRanges(client: Queryable, relation: string, rows: number, opts: { columns?: readonly string[] } = {}): Promise<ChunkedRead> {
  if (await isBlockSnapshot(client, relation)) return blockRanges(client, relation, rows, opts.columns);
  return { ranges: await lineRanges(client, relation, rows), from: ident(relation), where: "e.file_id = $1 AND e.source_line BETWEEN $2 AND $3" };
}

/** snapshotLineRanges of a block snapshot: whole blocks per range, and a subquery unnesting only those blocks. */
async function blockRanges(client: Queryable, relation: string, rows: number, only?: readonly string[]): Promise<ChunkedRead> {
  const blocks = blocksTableOf(relation);
  const { rows: all } = await client.query<{ file_id: string; line_lo: number; line_hi: number; rows: number }>(
    `SELECT file_id::text, line_lo, line_hi, rows FROM ${ident(blocks)} ORDER BY file_id, line_lo`);
  const ranges: LineRange[] = [];
  let open: (LineRange & { rows: number }) | undefined;
  for (const b of all) {
    if (open && open.fileId === b.file_id && open.rows + b.rows <= rows) {
      open.to = b.line_hi;
      open.rows += b.rows;
      continue;
    }
    if (open) ranges.push({ fileId: open.fileId, from: open.from, to: open.to });
    open = { fileId: b.file_id, from: b.line_lo, to: b.line_hi, rows: b.rows };
  }
  if (open) ranges.push({ fileId: open.fileId, from: open.from, to: open.to });
  // Only the columns the reader names (plus the key): every array unnested is an array decompressed.
  const wanted = only && new Set([...only, FILE_ID, SOURCE_LINE]);
  const columns = (await columnsOf(client, relation)).filter((c) => !wanted || wanted.has(c.name));
  return { ranges, from: `(${unnestSql(blocks, columns, "b.file_id = $1::uuid AND b.line_lo BETWEEN $2 AND $3")})`, where: "true" };
}

/**
 * Reads a snapshot back and answers its row count and checksum, computed as for the table it copies: what a run
 * recorded can be checked against what the snapshot holds now. Block snapshots are read range by range.
 */
export async function digestSnapshot(client: Queryable, relation: string, opts: { chunkRows?: number } = {}): Promise<TableDigest> {
  if (!(await isBlockSnapshot(client, relation))) return digestTable(client, relation, opts);
  const read = await blockRanges(client, relation, opts.chunkRows ?? CHUNK_ROWS);
  let rowCount = 0;
  const sums: string[] = [];
  for (const r of read.ranges) {
    const { rows } = await client.query<{ n: number; sum: string }>(
      `SELECT count(*)::int AS n, coalesce(sum(hash_record_extended(e, 0)), 0)::text AS sum FROM ${read.from} e WHERE ${read.where}`, [r.fileId, r.from, r.to]);
    rowCount += rows[0]!.n;
    sums.push(rows[0]!.sum);
  }
  return { rowCount, checksum: combineChecksums(sums) };
}
