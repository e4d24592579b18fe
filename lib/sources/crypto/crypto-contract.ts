import type { DateFormat } from "../../quality/expectation-types.ts";

// The crypto purchase contract (ARCHITECTURE §6.4) and the tables of its validate-before-load ETL.

export const CRYPTO_SOURCE = "crypto";
/** The pipeline that runs the ETL (lib/pipelines/crypto-events.ts). */
export const CRYPTO_PIPELINE_ID = "crypto-events";

/** Append-only raw history: one batch of text rows per received day. */
export const HISTORY_TABLE = "raw.bt_crypto_transaction_history";
/** This run's rolling window of the history (a view the raw_history suite reads; recreated by each run). */
export const HISTORY_WINDOW_VIEW = "raw.bt_crypto_history_window";
/** The window's typed rows that passed raw_history: rebuilt by each run. */
export const CANDIDATE_TABLE = "staging.bt_crypto_events_candidate";
/** Production: upserted and logically deleted by the merge, never rebuilt. */
export const EVENTS_TABLE = "ops.bt_crypto_events";

/** The contract's columns, in the order the daily batch CSV writes them. */
export const HISTORY_COLUMNS = ["site_id", "user_id", "purchase_date", "crypto_type", "purchase_price", "purchase_units"] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** The production key: one purchase per site, user, day and crypto type. */
export const EVENT_KEY = ["site_id", "user_id", "purchase_date", "crypto_type"] as const;

/** Marketplace sites (MercadoLibre site ids). */
export const SITES = ["MLA", "MLB", "MLC", "MCO", "MLM", "MLU"] as const;
/** Crypto types the marketplace sells; anything else is CRYPTO_TYPE_UNKNOWN. */
export const CRYPTO_TYPES = ["BTC", "ETH", "USDC", "USDT", "SOL"] as const;

/**
 * The date layouts the history uses. Only unambiguous layouts are accepted: MM/DD/YYYY is left out because
 * 03/04/2026 would read as either 3 April or 4 March next to DD/MM/YYYY, and a wrong day silently moves a purchase.
 * Timestamps keep their day (the production key is a day).
 */
export const PURCHASE_DATE_FORMATS: readonly DateFormat[] = ["YYYY-MM-DD", "YYYY-MM-DD HH:MI:SS", "YYYY-MM-DDTHH:MI:SS", "DD/MM/YYYY", "YYYY/MM/DD", "YYYYMMDD"];

/** Days in the rolling window, the run's as-of day included. */
export const WINDOW_DAYS = 5;

/**
 * Largest price and unit count accepted: the typed columns are numeric(20, 8) (12 integer digits), so a larger
 * value would make the staging cast raise; a price of a billion per unit is a broken row anyway.
 */
export const MAX_AMOUNT = 1e9;
