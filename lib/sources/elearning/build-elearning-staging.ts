import { getDb } from "../../db/client.ts";
import { createSideTable, dropOrphanSideTables, lineRanges, swapInTable } from "../../db/side-table.ts";
import { withTransaction } from "../../db/sql.ts";

const TABLES = ["elearning_users", "elearning_events"] as const;

// raw.elearning_* (text, as written) -> staging.elearning_* (typed). Casts are plain because the gate ran first:
// every row whose id, number, date or timestamp would not cast broke a fail-severity expectation of
// elearning-suites.ts and is in dqm.rejects, and rejected rows are skipped here. Ids go through numeric so that
// "54018.0" (an integer in the number grammar) becomes 54018.
const CASTS: Record<(typeof TABLES)[number], string> = {
  elearning_users:
    "r.user_id::numeric::bigint, r.signup_date::date, r.plan, r.is_paid::numeric::smallint, r.country, r.marketing_source, r.engagement_score::float8, r.file_id, r.source_line",
  elearning_events:
    "r.event_id::numeric::bigint, r.user_id::numeric::bigint, r.event_time::timestamp, r.event_type, r.course_id, r.watch_minutes::float8, r.quiz_score::float8, r.amount::float8, r.file_id, r.source_line",
};

/** Rows of raw.<table> not rejected by the given dq runs ($1), typed, optionally within one line range ($2..$4). */
const validRows = (table: (typeof TABLES)[number], ranged: boolean) =>
  `SELECT ${CASTS[table]} FROM raw.${table} r
    WHERE ${ranged ? "r.file_id = $2 AND r.source_line BETWEEN $3 AND $4 AND " : ""}
          NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY($1::uuid[]) AND j.file_id = r.file_id AND j.source_line = r.source_line)`;

/**
 * staging.* = raw.* minus the rows the gate rejected, typed, replaced atomically (both tables at once). Real Postgres: one
 * transaction (MVCC: readers are not blocked). Embedded engine: chunked inserts into side tables, then one short
 * swap transaction, because a single 480k-row statement would stall every other connection (ARCHITECTURE §3.1).
 */
export async function buildElearningStaging(dqRunIds: readonly string[]): Promise<{ users: number; events: number }> {
  const { engine, pool } = await getDb();
  if (engine === "postgres") {
    return withTransaction(async (client) => {
      await client.query("TRUNCATE staging.elearning_users, staging.elearning_events");
      const copy = async (table: (typeof TABLES)[number]) => (await client.query(`INSERT INTO staging.${table} ${validRows(table, false)}`, [dqRunIds])).rowCount ?? 0;
      return { users: await copy("elearning_users"), events: await copy("elearning_events") };
    });
  }
  const client = await pool.connect();
  const sides: string[] = [];
  try {
    await dropOrphanSideTables(client, "staging");
    const counts: number[] = [];
    for (const table of TABLES) {
      const side = await createSideTable(client, `staging.${table}`);
      sides.push(side);
      let rows = 0;
      for (const r of await lineRanges(client, `raw.${table}`)) {
        rows += (await client.query(`INSERT INTO ${side} ${validRows(table, true)}`, [dqRunIds, r.fileId, r.from, r.to])).rowCount ?? 0;
      }
      counts.push(rows);
    }
    await client.query("BEGIN");
    try {
      for (const [i, table] of TABLES.entries()) await swapInTable(client, `staging.${table}`, sides[i]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    sides.length = 0;
    return { users: counts[0], events: counts[1] };
  } finally {
    for (const side of sides) await client.query(`DROP TABLE IF EXISTS ${side}`).catch(() => {});
    client.release();
  }
}
