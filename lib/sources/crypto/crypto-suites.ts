import type { Expectation, ExpectationSuite } from "../../quality/expectation-types.ts";
import { CANDIDATE_TABLE, CRYPTO_SOURCE, CRYPTO_TYPES, EVENT_KEY, HISTORY_COLUMNS, HISTORY_TABLE, MAX_AMOUNT, PURCHASE_DATE_FORMATS, SITES } from "./crypto-contract.ts";
import type { CryptoWindow } from "./crypto-window.ts";

// The two suites of the crypto ETL, on lib/quality's engine. Every row rule is fail-severity: a broken row is
// rejected (dqm.rejects, reason code, batch file and line) and left out of what follows. `mostly` decides whether
// the run goes on: a few bad rows are the normal state of a feed; more than 2% of the window breaking one rule
// means the feed itself is broken, and the run stops before the merge with production untouched.

/** Share of the window's rows that must pass each rule. */
export const CRYPTO_ROWS_MOSTLY = 0.98;
const mostly = CRYPTO_ROWS_MOSTLY;

export const RAW_HISTORY_SUITE = "crypto.raw_history";
export const STAGING_CANDIDATE_SUITE = "crypto.staging_candidate";

const upper = (c: string) => c.toUpperCase();

/** An amount column: a number, not negative, and small enough for the typed numeric(20, 8) column. */
const amount = (column: "purchase_price" | "purchase_units", code: string): Expectation[] => [
  { kind: "parses_as", column, type: "number", mostly, reasonCode: `${code}_INVALID`, description: `${column} is a number` },
  { id: `min:${column}`, kind: "between", column, min: 0, mostly, reasonCode: `${code}_NEGATIVE`, description: `${column} is not negative` },
  { id: `max:${column}`, kind: "between", column, max: MAX_AMOUNT, mostly, reasonCode: `${code}_TOO_LARGE`, description: `${column} is at most ${MAX_AMOUNT}` },
];

/**
 * raw_history: the window's raw text rows (the run reads them through a view of its window; results name the
 * history table). Columns, enums, date layouts and non-negative numbers: what staging needs to type a row.
 */
export const rawHistorySuite: ExpectationSuite = {
  name: RAW_HISTORY_SUITE,
  source: CRYPTO_SOURCE,
  table: HISTORY_TABLE,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_ROWS_IN_WINDOW", description: "the window has at least one received row" },
    ...HISTORY_COLUMNS.map((column): Expectation => ({ kind: "column_exists", column, reasonCode: "COLUMN_MISSING" })),
    ...HISTORY_COLUMNS.map((column): Expectation => ({ kind: "not_null", column, mostly, reasonCode: `${upper(column)}_MISSING` })),
    { kind: "in_set", column: "site_id", values: SITES, caseInsensitive: true, mostly, reasonCode: "SITE_ID_UNKNOWN" },
    { kind: "parses_as", column: "user_id", type: "integer", mostly, reasonCode: "USER_ID_INVALID", description: "user_id is an integer" },
    { id: "range:user_id", kind: "between", column: "user_id", min: 1, mostly, reasonCode: "USER_ID_INVALID", description: "user_id is positive" },
    { kind: "in_set", column: "crypto_type", values: CRYPTO_TYPES, caseInsensitive: true, mostly, reasonCode: "CRYPTO_TYPE_UNKNOWN" },
    {
      kind: "parses_as", column: "purchase_date", type: "date", formats: PURCHASE_DATE_FORMATS, mostly, reasonCode: "PURCHASE_DATE_UNPARSEABLE",
      description: `purchase_date is a real day in a known layout (${PURCHASE_DATE_FORMATS.join(", ")})`,
    },
    ...amount("purchase_price", "PURCHASE_PRICE"),
    ...amount("purchase_units", "PURCHASE_UNITS"),
  ],
};

/**
 * Half a cent (purchase_value is rounded to cents) plus room for float8 rounding of the check's own product, so a
 * value rounded exactly half-up never fails.
 */
export const VALUE_TOLERANCE = 0.005 + 1e-9;

/**
 * staging_candidate: the typed candidate of this run's window. Its bounds are the window's, so the suite is built
 * per run (suites are data). A typed date inside the window, value = price × units, positive amounts, and one row
 * per production key (a repeated key keeps its first row, by batch file and line).
 */
export function stagingCandidateSuite(window: CryptoWindow): ExpectationSuite {
  const dated = { column: "purchase_date", op: "not_null" } as const;
  return {
    name: STAGING_CANDIDATE_SUITE,
    source: CRYPTO_SOURCE,
    table: CANDIDATE_TABLE,
    expectations: [
      { kind: "row_count_between", min: 1, reasonCode: "NO_VALID_ROWS", description: "at least one row of the window passed raw_history" },
      { kind: "not_null", column: "purchase_date", mostly, reasonCode: "PURCHASE_DATE_MISSING", description: "purchase_date parsed to a date" },
      {
        id: "future:purchase_date", kind: "conditional", when: dated, then: { column: "purchase_date", op: "<=", value: window.end }, mostly,
        reasonCode: "PURCHASE_DATE_IN_FUTURE", description: `purchase_date is not after the run's as-of day (${window.end})`,
      },
      {
        id: "window:purchase_date", kind: "conditional", when: dated, then: { column: "purchase_date", op: ">=", value: window.start }, mostly,
        reasonCode: "PURCHASE_DATE_OUTSIDE_WINDOW", description: `purchase_date is inside the window (from ${window.start})`,
      },
      ...(["purchase_price", "purchase_units", "purchase_value"] as const).map((column): Expectation => ({
        id: `positive:${column}`, kind: "between", column, min: 0, minExclusive: true, mostly, reasonCode: `${upper(column)}_NOT_POSITIVE`,
      })),
      {
        kind: "product_equals", column: "purchase_value", factors: ["purchase_price", "purchase_units"], tolerance: VALUE_TOLERANCE, mostly,
        reasonCode: "PURCHASE_VALUE_MISMATCH", description: "purchase_value is purchase_price × purchase_units, rounded to cents",
      },
      { kind: "unique", columns: EVENT_KEY, mostly, reasonCode: "DUPLICATE_KEY", description: `one row per (${EVENT_KEY.join(", ")}); a repeat keeps the first row` },
    ],
  };
}
