import { createSideTable, lineRanges } from "../db/side-table.ts";
import { ident, type Queryable } from "../db/sql.ts";
import { ALIAS, INNER_ALIAS, rankWindow, type CompiledSuite } from "./compile-suite.ts";
import { countsOf, countStatement, type SuiteCounts } from "./count-expectations.ts";
import { joinSql, raw, sql, type SqlFragment } from "./sql-fragment.ts";

/**
 * Rows per counting statement. The events suite evaluates ~30 conditions (regex parses, a foreign-key probe) per
 * row: its single scan of 480k rows held PGlite 11.3 s (bench ui-under-load, load average ~5). A page query waits
 * behind at most one chunk, but a page's queries each wait behind one, so chunks must be far below the 1 s target:
 * 5k-row chunks held it ~0.3 s under that load and pages still took 10 s; 2k rows hold it ~60 ms (170 ms at worst)
 * for ~30% more work than the single scan (1k rows: ~35 ms for ~45% more).
 */
export const COUNT_CHUNK_ROWS = 2_000;

/**
 * countExpectations in short statements, for the embedded engine: PGlite runs one statement at a time for every
 * connection, so one scan of a big staged table froze the dashboard for its whole duration. Each statement counts
 * one range of lines (lineRanges: an index range on (file_id, source_line)) and the partial counts are added up.
 *
 * The counts equal the single scan's. Every condition is a row condition except the duplicate rank, which a window
 * over one chunk cannot know: a row is a later duplicate (rank > 1) when its key came earlier in the same chunk or
 * in an earlier one. The chunks go in file and line order (the window's order), and the keys of the chunks done so
 * far are kept in an indexed side table; a row whose key is there gets rank 2 (only `rank > 1` is ever read), the
 * others their rank within the chunk. Rows with a missing key part never count as duplicates (unique's element
 * excludes them), so their keys are not kept.
 */
export async function countExpectationsInChunks(client: Queryable, compiled: CompiledSuite, chunkRows = COUNT_CHUNK_ROWS): Promise<SuiteCounts> {
  const seen: string[] = [];
  try {
    for (const rank of compiled.ranks) {
      // In staging whatever the table's schema: dropOrphanSideTables cleans it there after a crash.
      const side = await createSideTable(client, "staging.seen_keys", false);
      seen.push(side);
      const keys = rank.key.map((k, i) => sql`${k} AS ${raw(keyName(i))}`);
      const create = sql`CREATE TABLE ${raw(ident(side))} AS SELECT ${joinSql(keys, ", ")} FROM ${raw(ident(compiled.table))} ${raw(INNER_ALIAS)} WITH NO DATA`.toQuery();
      await client.query(create.text, create.values);
      await client.query(`CREATE UNIQUE INDEX ON ${ident(side)} (${rank.key.map((_, i) => keyName(i)).join(", ")})`);
    }
    const total: SuiteCounts = { rows: 0, byExpectation: compiled.expectations.map((c) => Object.fromEntries(Object.keys(c.counts ?? {}).map((n) => [n, 0]))) };
    for (const r of await lineRanges(client, compiled.table, chunkRows)) {
      const inChunk = sql`${raw(INNER_ALIAS)}.file_id = ${r.fileId}::uuid AND ${raw(INNER_ALIAS)}.source_line BETWEEN ${r.from} AND ${r.to}`;
      const { text, values } = chunkStatement(compiled, seen, inChunk).toQuery();
      const part = countsOf(compiled, (await client.query<Record<string, string>>(text, values)).rows[0]);
      total.rows += part.rows;
      part.byExpectation.forEach((counts, i) => {
        for (const [name, n] of Object.entries(counts)) total.byExpectation[i][name] += n;
      });
    }
    return total;
  } finally {
    for (const side of seen) await client.query(`DROP TABLE IF EXISTS ${ident(side)}`).catch(() => {});
  }
}

const keyName = (i: number) => `k${i}`;

/**
 * One chunk's count. Its relation has the columns of the whole relation (the compiled conditions read them on the
 * same alias); a data-modifying CTE adds the chunk's keys to the seen tables, and the count, reading the snapshot
 * from before the statement, sees only the keys of earlier chunks.
 */
function chunkStatement(compiled: CompiledSuite, seen: readonly string[], inChunk: SqlFragment): SqlFragment {
  const table = raw(`${ident(compiled.table)} ${INNER_ALIAS}`);
  const remember = compiled.ranks.map((rank, i) => {
    const present = joinSql(rank.key.map((k) => sql`${k} IS NOT NULL`), " AND ");
    return sql`${raw(`_seen${i}`)} AS (INSERT INTO ${raw(ident(seen[i]))} SELECT DISTINCT ${joinSql(rank.key, ", ")} FROM ${table} WHERE ${inChunk} AND ${present} ON CONFLICT DO NOTHING)`;
  });
  const ranks = compiled.ranks.map((rank, i) => {
    const match = joinSql(rank.key.map((k, j) => sql`s.${raw(keyName(j))} = ${k}`), " AND ");
    // A scalar subquery (not EXISTS) so the planner probes the unique index per row instead of hashing every key seen.
    return sql`, coalesce((SELECT 2 FROM ${raw(ident(seen[i]))} s WHERE ${match}), ${rankWindow(rank.key)}) AS ${raw(ident(rank.name))}`;
  });
  const relation = sql`(SELECT ${raw(INNER_ALIAS)}.*${joinSql(ranks, "")} FROM ${table} WHERE ${inChunk}) AS ${raw(ALIAS)}`;
  const count = countStatement(compiled, relation);
  return remember.length ? sql`WITH ${joinSql(remember, ", ")} ${count}` : count;
}
