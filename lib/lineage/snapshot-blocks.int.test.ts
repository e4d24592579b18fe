import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { query } from "../db/sql.ts";
import { blocksTableOf, createBlockSnapshot, digestSnapshot, dropSnapshotRelation, isBlockSnapshot, snapshotLineRanges } from "./snapshot-blocks.ts";
import { digestTable } from "./table-checksum.ts";

// A block snapshot must read back as exactly the rows it copied: every type the staging tables use, NULLs, text that
// needs quoting, two files, chunks that end inside blocks. Small blocks (100 rows) so the test crosses many.

const SOURCE = "public.blocks_probe";
const SNAPSHOT = "snapshots.blocks_probe__0123456789ab";
const FILES = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
const ROWS_PER_FILE = 1_250;

describe("snapshots stored as compressed line blocks", () => {
  beforeAll(async () => {
    await query(`DROP TABLE IF EXISTS ${SOURCE}`);
    await dropSnapshotRelation((await getDb()).pool, SNAPSHOT);
    await query(`CREATE TABLE ${SOURCE} (event_id bigint NOT NULL, user_id bigint, event_time timestamp, event_type text, watch_minutes float8,
                   is_paid smallint, signup date, file_id uuid NOT NULL, source_line integer NOT NULL, PRIMARY KEY (file_id, source_line))`);
    // Lines with gaps (rejected rows leave holes), every 7th value NULL, text with a comma, a quote and a newline.
    await query(
      `INSERT INTO ${SOURCE}
       SELECT f.i * 100000 + g, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 97 END, timestamp '2025-01-01' + g * interval '37 minutes',
              CASE WHEN g % 5 = 0 THEN E'quiz, "hard"\\nagain' ELSE 'login' END, CASE WHEN g % 11 = 0 THEN NULL ELSE g / 3.0 END,
              (g % 2)::smallint, date '2024-06-01' + g % 400, f.id::uuid, 2 + g * 2 - (g % 3)
         FROM unnest($1::text[]) WITH ORDINALITY AS f(id, i), generate_series(1, ${ROWS_PER_FILE}) g`,
      [FILES],
    );
  });

  afterAll(async () => {
    await dropSnapshotRelation((await getDb()).pool, SNAPSHOT);
    await query(`DROP TABLE IF EXISTS ${SOURCE}`);
  });

  it("reads back exactly the source rows, with the source's checksum, through the view and range by range", async () => {
    const { pool } = await getDb();
    const source = await digestTable(pool, SOURCE);
    expect(source.rowCount).toBe(2 * ROWS_PER_FILE);
    // Chunks of 333 rows: chunk borders fall inside blocks of 100.
    expect(await createBlockSnapshot(pool, SOURCE, SNAPSHOT, { chunkRows: 333, blockRows: 100 })).toEqual(source);
    expect(await isBlockSnapshot(pool, SNAPSHOT)).toBe(true);

    const [blocks] = await query<{ n: number; max_rows: number }>(`SELECT count(*)::int AS n, max(rows)::int AS max_rows FROM ${blocksTableOf(SNAPSHOT)}`);
    expect(blocks!.max_rows).toBeLessThanOrEqual(100);
    expect(blocks!.n).toBeGreaterThanOrEqual(2 * Math.ceil(ROWS_PER_FILE / 100));

    // The view's rows, compared as text in both directions (EXCEPT ALL keeps duplicates), and its column order.
    const [diff] = await query<{ missing: number; extra: number }>(
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${SOURCE} EXCEPT ALL SELECT * FROM ${SNAPSHOT}) a)::int AS missing,
              (SELECT count(*) FROM (SELECT * FROM ${SNAPSHOT} EXCEPT ALL SELECT * FROM ${SOURCE}) b)::int AS extra`);
    expect(diff).toEqual({ missing: 0, extra: 0 });
    const columns = async (rel: string) => (await query<{ c: string }>(
      "SELECT attname || ' ' || format_type(atttypid, atttypmod) AS c FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum", [rel])).map((r) => r.c);
    expect(await columns(SNAPSHOT)).toEqual(await columns(SOURCE));

    // Ranges of whole blocks cover every row once; the checksum read back matches the one recorded.
    const read = await snapshotLineRanges(pool, SNAPSHOT, 450);
    expect(read.ranges.length).toBeGreaterThan(4);
    let seen = 0;
    for (const r of read.ranges) {
      const [{ n, lo, hi }] = await query<{ n: number; lo: number; hi: number }>(
        `SELECT count(*)::int AS n, min(source_line) AS lo, max(source_line) AS hi FROM ${read.from} e WHERE ${read.where} AND e.file_id = $1`, [r.fileId, r.from, r.to]);
      expect(n).toBeLessThanOrEqual(450);
      expect([lo, hi]).toEqual([r.from, r.to]);
      seen += n;
    }
    expect(seen).toBe(source.rowCount);
    expect(await digestSnapshot(pool, SNAPSHOT, { chunkRows: 450 })).toEqual(source);

    // A reader naming its columns gets those (and the key), with the same values.
    const narrow = await snapshotLineRanges(pool, SNAPSHOT, 450, { columns: ["user_id", "event_time"] });
    const r = narrow.ranges[1]!;
    const got = await query<Record<string, unknown>>(`SELECT * FROM ${narrow.from} e WHERE ${narrow.where} ORDER BY source_line`, [r.fileId, r.from, r.to]);
    expect(Object.keys(got[0]!)).toEqual(["user_id", "event_time", "file_id", "source_line"]);
    const want = await query<Record<string, unknown>>(`SELECT user_id, event_time, file_id, source_line FROM ${SOURCE} WHERE file_id = $1 AND source_line BETWEEN $2 AND $3 ORDER BY source_line`, [r.fileId, r.from, r.to]);
    expect(got).toEqual(want);

    // A changed value shows in the checksum read back.
    await query(`UPDATE ${blocksTableOf(SNAPSHOT)} SET user_id[1] = -1 WHERE line_lo = (SELECT min(line_lo) FROM ${blocksTableOf(SNAPSHOT)})`);
    expect((await digestSnapshot(pool, SNAPSHOT)).checksum).not.toBe(source.checksum);
  });

  it("refuses a source not keyed on (file_id, source_line), and drops view and blocks together", async () => {
    const { pool } = await getDb();
    await query("DROP TABLE IF EXISTS public.blocks_probe_keyed");
    await query("CREATE TABLE public.blocks_probe_keyed (id bigint PRIMARY KEY, file_id uuid, source_line int)");
    await expect(createBlockSnapshot(pool, "public.blocks_probe_keyed", "snapshots.blocks_probe_keyed__0123456789ab")).rejects.toThrow(/not \(file_id, source_line\)/);
    await query("DROP TABLE public.blocks_probe_keyed");

    await dropSnapshotRelation(pool, SNAPSHOT);
    const [left] = await query<{ view: string | null; blocks: string | null }>("SELECT to_regclass($1)::text AS view, to_regclass($2)::text AS blocks", [SNAPSHOT, blocksTableOf(SNAPSHOT)]);
    expect(left).toEqual({ view: null, blocks: null });
    await expect(dropSnapshotRelation(pool, SNAPSHOT)).resolves.toBeUndefined(); // absent: nothing to do
  });
});
