import crypto from "node:crypto";
import type pg from "pg";
import { isProcessAlive } from "./embedded-lock.ts";
import { ident, type Queryable } from "./sql.ts";

// On the embedded engine one statement holds PGlite's only session and every other connection (the dashboard,
// progress writes, cancel) waits for it, so a run rebuilds a big table as many short statements into a side table
// and swaps it in with a short transaction: readers see the old table or the new one, never a half-built one.

/**
 * Rows per chunk: an insert-select of this many raw rows with index upkeep held PGlite ~0.2 s on an idle machine
 * and up to 2.2 s at 20k rows with a load average of 25 (bench ui-under-load), so keep chunks small.
 */
export const CHUNK_ROWS = 10_000;

const SIDE_PREFIX = "_build_";

/** A private table `<schema>._build_<pid>_<random>` shaped like `target` (columns, defaults, indexes, keys). */
export async function createSideTable(client: Queryable, target: string, like = true): Promise<string> {
  const schema = target.split(".")[0];
  const side = `${schema}.${SIDE_PREFIX}${process.pid}_${crypto.randomBytes(6).toString("hex")}`;
  if (like) await client.query(`CREATE TABLE ${ident(side)} (LIKE ${ident(target)} INCLUDING ALL)`);
  return side;
}

/** Drops side tables left in `schema` by a process that died mid-build (names carry the pid). */
export async function dropOrphanSideTables(client: Queryable, schema: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename LIKE '${SIDE_PREFIX}%'`, [schema]);
  for (const { name } of rows) {
    const pid = Number(name.slice(SIDE_PREFIX.length).split("_")[0]);
    if (!Number.isInteger(pid) || !isProcessAlive(pid)) await client.query(`DROP TABLE IF EXISTS ${ident(`${schema}.${name}`)}`);
  }
}

export interface LineRange {
  fileId: string;
  from: number;
  to: number;
}

/**
 * Chunks of a raw table's rows by its key (file_id, source_line): `$lo <= source_line <= $hi` within one file,
 * about `rows` lines each, so every chunk is an index range scan.
 */
export async function lineRanges(client: Queryable, rawTable: string, rows = CHUNK_ROWS): Promise<LineRange[]> {
  // A loose index scan over the (file_id, source_line) key: a GROUP BY read all 480k rows (1.7 s held, under load).
  const t = ident(rawTable);
  const { rows: files } = await client.query<{ file_id: string; lo: number; hi: number }>(
    `WITH RECURSIVE f AS (
       (SELECT file_id FROM ${t} ORDER BY file_id LIMIT 1)
       UNION ALL
       SELECT (SELECT n.file_id FROM ${t} n WHERE n.file_id > f.file_id ORDER BY n.file_id LIMIT 1) FROM f WHERE f.file_id IS NOT NULL)
     SELECT f.file_id, (SELECT min(source_line) FROM ${t} WHERE file_id = f.file_id) AS lo, (SELECT max(source_line) FROM ${t} WHERE file_id = f.file_id) AS hi
       FROM f WHERE f.file_id IS NOT NULL ORDER BY f.file_id`);
  const ranges: LineRange[] = [];
  for (const f of files) {
    for (let from = f.lo; from <= f.hi; from += rows) ranges.push({ fileId: f.file_id, from, to: Math.min(f.hi, from + rows - 1) });
  }
  return ranges;
}

interface IndexRow {
  name: string;
  def: string;
}

async function indexesOf(client: Queryable, schema: string, table: string): Promise<IndexRow[]> {
  const { rows } = await client.query<IndexRow>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table]);
  return rows;
}

/** An index definition without its own and its table's name, to pair an index of the side table with the target's. */
const shape = (def: string) => def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, "CREATE $1INDEX ON");

/**
 * Replaces `target` by `side` (in any schema) inside the caller's transaction: drops the target and gives the side table and its
 * indexes (primary key included) the target's names, so later migrations find what Prisma created. Short: catalog
 * changes only. Fails (and the caller's transaction rolls back) if something depends on the target, e.g. a view.
 */
export async function swapInTable(client: pg.ClientBase, target: string, side: string): Promise<void> {
  const [schema, table] = target.split(".");
  const [sideSchema, sideName] = side.split(".");
  const old = await indexesOf(client, schema, table);
  const fresh = await indexesOf(client, sideSchema, sideName);
  await client.query(`DROP TABLE IF EXISTS ${ident(target)}`);
  // Loads stage raw.* rows in the staging schema; the table (and its indexes) moves to the target's schema.
  if (sideSchema !== schema) await client.query(`ALTER TABLE ${ident(side)} SET SCHEMA ${ident(schema)}`);
  await client.query(`ALTER TABLE ${ident(`${schema}.${sideName}`)} RENAME TO ${ident(table)}`);
  const unused = [...old];
  for (const idx of fresh) {
    const match = unused.findIndex((o) => shape(o.def) === shape(idx.def));
    const name = match >= 0 ? unused.splice(match, 1)[0].name : idx.name.replace(sideName, table);
    if (name !== idx.name) await client.query(`ALTER INDEX ${ident(`${schema}.${idx.name}`)} RENAME TO ${ident(name)}`);
  }
}
