import { query } from "../../db/sql.ts";
import { isIsoDate } from "../../values/date-grammar.ts";
import { HISTORY_TABLE, HISTORY_WINDOW_VIEW } from "./crypto-contract.ts";
import type { CryptoWindow } from "./crypto-window.ts";

/**
 * Points the window view at this run's window, so the raw_history suite validates exactly the window's raw rows
 * (lib/quality reads a relation by name). DDL takes no bound parameters: the two days are checked calendar days
 * written YYYY-MM-DD, the only text that reaches the statement. The concurrency key keeps runs from racing on it.
 */
export async function pointWindowView(window: CryptoWindow): Promise<string> {
  for (const day of [window.start, window.end]) if (!isIsoDate(day)) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  await query(
    `CREATE OR REPLACE VIEW ${HISTORY_WINDOW_VIEW} AS
       SELECT * FROM ${HISTORY_TABLE} WHERE batch_date BETWEEN DATE '${window.start}' AND DATE '${window.end}'`,
  );
  return HISTORY_WINDOW_VIEW;
}
