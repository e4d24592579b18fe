import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "./client.ts";
import { createSideTable, dropOrphanSideTables, lineRanges, swapInTable } from "./side-table.ts";

const T = "raw.side_table_test";
const indexNames = async () => {
  const { pool } = await getDb();
  const { rows } = await pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'raw' AND tablename = 'side_table_test' ORDER BY 1`);
  return rows.map((r) => r.name);
};

describe("swapInTable", () => {
  beforeAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
    await pool.query(`CREATE TABLE ${T} (file_id uuid NOT NULL, source_line int NOT NULL, v text, PRIMARY KEY (file_id, source_line))`);
    await pool.query(`CREATE INDEX side_table_test_v_idx ON ${T} (v)`);
    await pool.query(`INSERT INTO ${T} SELECT '00000000-0000-0000-0000-000000000001', g, 'old' FROM generate_series(1, 5) g`);
  });
  afterAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
  });

  it("replaces the table's rows in one transaction and keeps its index and key names", async () => {
    const before = await indexNames();
    const { pool } = await getDb();
    const client = await pool.connect();
    try {
      const side = await createSideTable(client, T);
      await client.query(`INSERT INTO ${side} SELECT '00000000-0000-0000-0000-000000000002', g, 'new' FROM generate_series(1, 7) g`);
      await client.query("BEGIN");
      await swapInTable(client, T, side);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    const { rows } = await pool.query<{ n: number; v: string }>(`SELECT count(*)::int AS n, min(v) AS v FROM ${T}`);
    expect(rows[0]).toEqual({ n: 7, v: "new" });
    expect(await indexNames()).toEqual(before);
    expect(before).toEqual(["side_table_test_pkey", "side_table_test_v_idx"]);
    // The key still holds under its old name.
    await expect(pool.query(`INSERT INTO ${T} VALUES ('00000000-0000-0000-0000-000000000002', 1, 'dup')`)).rejects.toThrow(/side_table_test_pkey/);
  });

  it("moves a side table from another schema into the target's (loads stage raw rows in staging)", async () => {
    const { pool } = await getDb();
    await pool.query(`CREATE TABLE staging._load_side_table_test (LIKE ${T} INCLUDING ALL)`);
    await pool.query(`INSERT INTO staging._load_side_table_test SELECT '00000000-0000-0000-0000-000000000002', g, 'new' FROM generate_series(1, 7) g`);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await swapInTable(client, T, "staging._load_side_table_test");
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${T}`)).rows[0].n).toBe(7);
    expect(await indexNames()).toEqual(["side_table_test_pkey", "side_table_test_v_idx"]);
    expect((await pool.query(`SELECT to_regclass('staging._load_side_table_test') AS t`)).rows[0].t).toBeNull();
  });

  it("leaves the target as it was when the transaction rolls back", async () => {
    const { pool } = await getDb();
    const client = await pool.connect();
    let side = "";
    try {
      side = await createSideTable(client, T);
      await client.query("BEGIN");
      await swapInTable(client, T, side);
      await client.query("ROLLBACK");
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${side}`);
      client.release();
    }
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${T}`);
    expect(rows[0].n).toBe(7);
  });

  it("chunks a table by its (file_id, source_line) key and drops side tables of dead processes", async () => {
    const { pool } = await getDb();
    const ranges = await lineRanges(pool, T, 3);
    expect(ranges).toEqual([
      { fileId: "00000000-0000-0000-0000-000000000002", from: 1, to: 3 },
      { fileId: "00000000-0000-0000-0000-000000000002", from: 4, to: 6 },
      { fileId: "00000000-0000-0000-0000-000000000002", from: 7, to: 7 },
    ]);
    await pool.query(`CREATE TABLE staging._build_999999999_dead (x int)`);
    const mine = await createSideTable(pool, "staging.wallet_buyers");
    await dropOrphanSideTables(pool, "staging");
    const { rows } = await pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '\\_build\\_%'`);
    expect(rows.map((r) => r.name)).toEqual([mine.split(".")[1]]);
    await pool.query(`DROP TABLE ${mine}`);
  });
});
