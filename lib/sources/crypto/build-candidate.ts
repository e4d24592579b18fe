import { withTransaction } from "../../db/sql.ts";
import { SqlParams } from "../../quality/sql-params.ts";
import { sqlTrimAscii } from "../../values/trim-ascii.ts";
import { CANDIDATE_TABLE, HISTORY_TABLE } from "./crypto-contract.ts";
import type { CryptoWindow } from "./crypto-window.ts";
import { sqlPurchaseDate } from "./purchase-date.ts";

export interface CandidateSummary {
  table: string;
  /** rows in the candidate */
  rows: number;
  /** raw rows of the window, and those raw_history rejected (left out) */
  windowRows: number;
  rejectedRows: number;
}

/**
 * Rebuilds the candidate from the window's raw rows minus those raw_history rejected, in one transaction (readers see
 * the previous candidate or the new one). Dates go through the regex guard (purchase-date.ts); amounts are cast
 * plainly because raw_history rejected every row whose number would not cast (the valid rows are MATERIALIZED
 * first, so the planner cannot move a cast below the reject check); purchase_value is price × units in cents.
 */
export async function buildCandidate(window: CryptoWindow, rawDqRunIds: readonly string[]): Promise<CandidateSummary> {
  const p = new SqlParams();
  const [start, end, rejected] = [p.add(window.start), p.add(window.end), p.add(rawDqRunIds)];
  const t = (c: string) => sqlTrimAscii(`v.${c}`);
  const purchaseDate = sqlPurchaseDate("v.purchase_date", p);
  return withTransaction(async (client) => {
    await client.query(`DELETE FROM ${CANDIDATE_TABLE}`);
    const { rows: [counts] } = await client.query<{ window_rows: number; inserted: number }>(
      `WITH window_rows AS MATERIALIZED (
         SELECT r.* FROM ${HISTORY_TABLE} r WHERE r.batch_date BETWEEN ${start}::date AND ${end}::date),
       valid AS MATERIALIZED (
         SELECT w.* FROM window_rows w
          WHERE NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY(${rejected}::uuid[]) AND j.file_id = w.file_id AND j.source_line = w.source_line)),
       typed AS (
         SELECT upper(${t("site_id")}) AS site_id, ${t("user_id")}::numeric::bigint AS user_id, ${purchaseDate} AS purchase_date,
                upper(${t("crypto_type")}) AS crypto_type, ${t("purchase_price")}::numeric(20, 8) AS purchase_price,
                ${t("purchase_units")}::numeric(20, 8) AS purchase_units, v.batch_date, v.file_id, v.source_line
           FROM valid v),
       inserted AS (
         INSERT INTO ${CANDIDATE_TABLE} (site_id, user_id, purchase_date, crypto_type, purchase_price, purchase_units, purchase_value, batch_date, file_id, source_line)
         SELECT site_id, user_id, purchase_date, crypto_type, purchase_price, purchase_units, round(purchase_price * purchase_units, 2), batch_date, file_id, source_line
           FROM typed
         RETURNING 1)
       SELECT (SELECT count(*) FROM window_rows)::int AS window_rows, (SELECT count(*) FROM inserted)::int AS inserted`,
      p.values,
    );
    return { table: CANDIDATE_TABLE, rows: counts!.inserted, windowRows: counts!.window_rows, rejectedRows: counts!.window_rows - counts!.inserted };
  });
}
