import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createSideTable, swapInTable } from "../db/side-table.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { startRun } from "../pipelines/start-run.ts";
import { rawTableCounts } from "./raw-data-queries.ts";

const T = "raw.count_cache_test";

describe("rawTableCounts", () => {
  beforeAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
    await pool.query(`CREATE TABLE ${T} (x int)`);
    await pool.query(`INSERT INTO ${T} SELECT generate_series(1, 3)`);
  });
  afterAll(async () => {
    const { pool } = await getDb();
    await pool.query(`DROP TABLE IF EXISTS ${T}`);
  });

  it("counts exactly, and sees a table replaced by TRUNCATE or by a swap even though it caches the count", async () => {
    const { pool } = await getDb();
    expect(await rawTableCounts([T])).toEqual([{ table: T, rows: 3 }]);
    expect(await rawTableCounts([T])).toEqual([{ table: T, rows: 3 }]); // from the cache
    // A load replaces the rows in one transaction (TRUNCATE + insert): the table gets a new storage file.
    await pool.query(`BEGIN; TRUNCATE ${T}; INSERT INTO ${T} SELECT generate_series(1, 5); COMMIT`);
    expect(await rawTableCounts([T])).toEqual([{ table: T, rows: 5 }]);
    // The embedded engine swaps a side table in instead.
    const client = await pool.connect();
    try {
      const side = await createSideTable(client, T);
      await client.query(`INSERT INTO ${side} SELECT generate_series(1, 8)`);
      await client.query("BEGIN");
      await swapInTable(client, T, side);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await rawTableCounts([T])).toEqual([{ table: T, rows: 8 }]);
  });

  it("reports an e-learning table emptied after its load with the rows that load brought and the run that keeps them", async () => {
    const { runId } = await startRun("elearning-sample", { users: 40, days: 35, seed: 3 }, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
    const { pool } = await getDb();
    const [{ n }] = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM raw.elearning_users")).rows;
    expect(n).toBe(0);
    expect(await rawTableCounts(["raw.elearning_users"])).toEqual([{ table: "raw.elearning_users", rows: 40, releasedBy: runId }]);
  });
});
