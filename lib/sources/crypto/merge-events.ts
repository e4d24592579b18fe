import { getDb } from "../../db/client.ts";
import { withTransaction } from "../../db/sql.ts";
import { digestTable, recordTableOutput } from "../../lineage/index.ts";
import { CANDIDATE_TABLE, EVENTS_TABLE } from "./crypto-contract.ts";
import type { CryptoWindow } from "./crypto-window.ts";

export interface MergeSummary {
  /** valid candidate rows merged (one per production key) */
  validRows: number;
  inserted: number;
  /** existing rows whose values changed, or that were inactive and came back */
  updated: number;
  /** existing rows already exactly so: not written, their updated_at kept */
  unchanged: number;
  /** window rows that vanished from the source: now is_active = false */
  deactivated: number;
  activeRows: number;
  inactiveRows: number;
  /** content checksum of the production table after the merge (lib/lineage) */
  checksum: string;
}

/**
 * The candidate rows the merge takes: not rejected by staging_candidate, inside the window, one per production key
 * (the first by batch file and line, as the unique rule keeps; a guard, since the rule already rejected the rest).
 */
const VALID_ROWS = `
  SELECT DISTINCT ON (c.site_id, c.user_id, c.purchase_date, c.crypto_type) c.*
    FROM ${CANDIDATE_TABLE} c
   WHERE c.purchase_date BETWEEN $1::date AND $2::date
     AND NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY($3::uuid[]) AND j.file_id = c.file_id AND j.source_line = c.source_line)
   ORDER BY c.site_id, c.user_id, c.purchase_date, c.crypto_type, c.file_id, c.source_line`;

/**
 * Merges the valid candidate into production in one transaction: INSERT … ON CONFLICT on the key upserts present
 * rows (is_active true), then rows of the window that are no longer present are deactivated. Nothing is ever
 * deleted. A row is written only when something in it changes, so updated_at keeps the time of the last real change
 * and a rerun of the same window leaves the table byte for byte as it was. Rows before the window are not touched.
 */
export async function mergeCandidate(runId: string, window: CryptoWindow, candidateDqRunIds: readonly string[]): Promise<MergeSummary> {
  const params = [window.start, window.end, candidateDqRunIds];
  const merged = await withTransaction(async (client) => {
    const upserted = await client.query<{ inserted: boolean }>(
      `WITH valid AS MATERIALIZED (${VALID_ROWS})
       INSERT INTO ${EVENTS_TABLE} AS e (site_id, user_id, purchase_date, crypto_type, purchase_price, purchase_units, purchase_value, is_active)
       SELECT site_id, user_id, purchase_date, crypto_type, purchase_price, purchase_units, purchase_value, true FROM valid
       ON CONFLICT (site_id, user_id, purchase_date, crypto_type) DO UPDATE
          SET purchase_price = EXCLUDED.purchase_price, purchase_units = EXCLUDED.purchase_units, purchase_value = EXCLUDED.purchase_value,
              is_active = true, updated_at = now()
        WHERE (e.purchase_price, e.purchase_units, e.purchase_value, e.is_active)
              IS DISTINCT FROM (EXCLUDED.purchase_price, EXCLUDED.purchase_units, EXCLUDED.purchase_value, true)
       RETURNING (xmax = 0) AS inserted`, // xmax 0: the row version was inserted, not updated
      params,
    );
    const { rows: [{ n: validRows }] } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${VALID_ROWS}) v`, params);
    const deactivated = await client.query(
      `UPDATE ${EVENTS_TABLE} e SET is_active = false, updated_at = now()
        WHERE e.is_active AND e.purchase_date BETWEEN $1::date AND $2::date
          AND NOT EXISTS (SELECT 1 FROM (${VALID_ROWS}) v
                           WHERE v.site_id = e.site_id AND v.user_id = e.user_id AND v.purchase_date = e.purchase_date AND v.crypto_type = e.crypto_type)`,
      params,
    );
    const inserted = upserted.rows.filter((r) => r.inserted).length;
    const updated = upserted.rows.length - inserted;
    return { validRows, inserted, updated, unchanged: validRows - inserted - updated, deactivated: deactivated.rowCount ?? 0 };
  });
  const { pool } = await getDb();
  const { rows: [state] } = await pool.query<{ active: number; inactive: number }>(
    `SELECT count(*) FILTER (WHERE is_active)::int AS active, count(*) FILTER (WHERE NOT is_active)::int AS inactive FROM ${EVENTS_TABLE}`,
  );
  const digest = await digestTable(pool, EVENTS_TABLE);
  await recordTableOutput(runId, EVENTS_TABLE, digest);
  return { ...merged, activeRows: state!.active, inactiveRows: state!.inactive, checksum: digest.checksum };
}

/**
 * VACUUM ANALYZE of the production table on real Postgres: the merge's updates leave dead row versions, and fresh
 * statistics keep the page's per-day queries on the index. Skipped on the embedded engine, where a VACUUM holds
 * its single session (every other connection waits) for a table that is small there anyway.
 */
export async function vacuumEvents(): Promise<{ vacuumed: boolean; note: string }> {
  const { engine, pool } = await getDb();
  if (engine === "embedded") return { vacuumed: false, note: `skipped on the embedded engine (a VACUUM would hold its only session); ${EVENTS_TABLE} is analysed by real Postgres deployments` };
  const started = performance.now();
  await pool.query(`VACUUM ANALYZE ${EVENTS_TABLE}`); // not inside a transaction: VACUUM refuses one
  return { vacuumed: true, note: `VACUUM ANALYZE ${EVENTS_TABLE} took ${Math.round(performance.now() - started)} ms` };
}
