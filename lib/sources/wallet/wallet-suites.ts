import type { DateFormat, Expectation, ExpectationSuite } from "../../quality/expectation-types.ts";
import { AGE_BANDS, CARD_TYPES, GENDERS, INVERSION_STATES, TPV_SEGMENTS } from "./wallet-categories.ts";
import {
  WALLET_ACTIVE_USER, WALLET_DEMOGRAFICOS, WALLET_DINERO_CUENTA, WALLET_EVALUATE, WALLET_MARKETPLACE_DATA, WALLET_PAYMENTS,
} from "./wallet-tables.ts";

// The wallet contract (ARCHITECTURE §6.2) as expectation suites over the all-text raw tables. How strict each rule
// is follows from what staging needs:
// - fail: staging cannot use the row (no buyer id, an unreadable label, amount or date). Rows are rejected with a
//   reason code; `mostly` lets a handful through as rejects, while more than that means a broken export and stops
//   the gate before staging changes.
// - warn: the row is usable as it is (a repeated side row: staging takes the first per buyer; a category the
//   contract does not list: kept as written and reported, never a reason to drop the buyer).

const SOURCE = "wallet";
const BUYER = "cus_cust_id_buy";
/** The date layouts wallet exports use: plain dates, and timestamps where the column came from a login time. */
export const WALLET_DATE_FORMATS: readonly DateFormat[] = ["YYYY-MM-DD", "YYYY-MM-DD HH:MI:SS"];
/**
 * Share of label rows that must be usable. Below it the export is broken; above it, the few bad rows (a line without
 * an id, a repeated buyer) are rejected and listed with their reason, and every other buyer is kept.
 */
const LABEL_ROWS_MOSTLY = 0.999;
/** Side files feed features, not labels: a percent of unreadable rows costs a few features, not the run. */
const SIDE_ROWS_MOSTLY = 0.99;
/** Buyer ids must fit staging's bigint (and be positive); float8 compares exactly at this size. */
const MAX_ID = 1e18;

/** A usable buyer (or seller) id: present, an integer (54018.0 counts), positive and bigint-sized. */
function idRules(column: string, prefix: "BUYER" | "SELLER", mostly: number, required = true): Expectation[] {
  return [
    ...(required ? [{ kind: "not_null", column, mostly, reasonCode: `${prefix}_ID_MISSING`, description: `${column} is present` } as const] : []),
    { kind: "parses_as", column, type: "integer", mostly, reasonCode: `${prefix}_ID_INVALID`, description: `${column} is an integer (54018.0 counts)` },
    { id: `range:${column}`, kind: "between", column, min: 1, max: MAX_ID, mostly, reasonCode: `${prefix}_ID_INVALID`, description: `${column} is positive and fits a bigint` },
  ];
}

/** A side file lists each buyer once; a repeat is reported, and staging keeps the first row (lowest line). */
const sideDuplicate: Expectation = {
  kind: "unique", columns: [BUYER], severity: "warn", reasonCode: "BUYER_ID_DUPLICATE",
  description: "one row per buyer; staging uses the first row of a repeated buyer",
};

const number = (column: string, reasonCode: string, min?: number): Expectation[] => [
  { kind: "parses_as", column, type: "number", mostly: SIDE_ROWS_MOSTLY, reasonCode, description: `${column} is a number when present` },
  ...(min === undefined ? [] : [{ id: `min:${column}`, kind: "between", column, min, mostly: SIDE_ROWS_MOSTLY, reasonCode, description: `${column} >= ${min}` } as const]),
];

const date = (column: string, reasonCode: string): Expectation => ({
  kind: "parses_as", column, type: "date", formats: WALLET_DATE_FORMATS, mostly: SIDE_ROWS_MOSTLY, reasonCode,
  description: `${column} is a date (${WALLET_DATE_FORMATS.join(" or ")}) when present`,
});

const category = (column: string, values: readonly string[], reasonCode: string): Expectation => ({
  kind: "in_set", column, values, caseInsensitive: true, severity: "warn", reasonCode,
  description: `${column} is one of the listed values (any case); others are kept and reported`,
});

export const walletEvaluateSuite: ExpectationSuite = {
  name: "wallet.evaluate",
  source: SOURCE,
  table: WALLET_EVALUATE.table,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_LABELLED_BUYERS", description: "EVALUATE.csv labels at least one buyer" },
    ...idRules(BUYER, "BUYER", LABEL_ROWS_MOSTLY),
    { kind: "unique", columns: [BUYER], mostly: LABEL_ROWS_MOSTLY, reasonCode: "BUYER_ID_DUPLICATE", description: "one label per buyer; a repeated row is rejected, the first one kept" },
    { kind: "not_null", column: "churn", mostly: LABEL_ROWS_MOSTLY, reasonCode: "LABEL_MISSING" },
    { kind: "in_set", column: "churn", values: ["0", "1", "0.0", "1.0"], mostly: LABEL_ROWS_MOSTLY, reasonCode: "LABEL_INVALID", description: "churn is 0 or 1 (written 0/1 or 0.0/1.0)" },
  ],
};

export const walletActiveUserSuite: ExpectationSuite = {
  name: "wallet.active_user",
  source: SOURCE,
  table: WALLET_ACTIVE_USER.table,
  expectations: [
    ...idRules(BUYER, "BUYER", SIDE_ROWS_MOSTLY),
    sideDuplicate,
    ...["mau_mp_3", "mau_ml_3", "mau_mp_2", "mau_ml_2", "mau_mp_1", "mau_ml_1"].flatMap((c) => number(c, "MAU_INVALID", 0)),
    date("last_login_mp_date_1", "LAST_LOGIN_INVALID"),
    date("last_login_ml_date_1", "LAST_LOGIN_INVALID"),
  ],
};

export const walletDemograficosSuite: ExpectationSuite = {
  name: "wallet.demograficos",
  source: SOURCE,
  table: WALLET_DEMOGRAFICOS.table,
  expectations: [
    ...idRules(BUYER, "BUYER", SIDE_ROWS_MOSTLY),
    sideDuplicate,
    category("gender", GENDERS, "GENDER_UNLISTED"),
    category("rango_edad", AGE_BANDS, "AGE_BAND_UNLISTED"),
    category("tarjetas", CARD_TYPES, "CARD_TYPE_UNLISTED"),
  ],
};

export const walletDineroCuentaSuite: ExpectationSuite = {
  name: "wallet.dinero_cuenta",
  source: SOURCE,
  table: WALLET_DINERO_CUENTA.table,
  expectations: [
    ...idRules(BUYER, "BUYER", SIDE_ROWS_MOSTLY),
    sideDuplicate,
    ...number("plata_cuenta_1", "BALANCE_INVALID"),
    ...number("plata_cuenta_2", "BALANCE_INVALID"),
    category("inversion", INVERSION_STATES, "INVERSION_UNLISTED"),
  ],
};

export const walletMarketplaceDataSuite: ExpectationSuite = {
  name: "wallet.marketplace_data",
  source: SOURCE,
  table: WALLET_MARKETPLACE_DATA.table,
  expectations: [
    ...idRules(BUYER, "BUYER", SIDE_ROWS_MOSTLY),
    sideDuplicate,
    ...number("spent_ml", "SPENT_ML_INVALID"),
    date("recency_ml", "RECENCY_INVALID"),
    ...number("frequency_ml", "FREQUENCY_INVALID", 0),
  ],
};

/** PAYMENTS.csv may be absent (an empty table): no row-count rule. staging.wallet_payments needs date, buyer, amount. */
export const walletPaymentsSuite: ExpectationSuite = {
  name: "wallet.payments",
  source: SOURCE,
  table: WALLET_PAYMENTS.table,
  expectations: [
    ...idRules(BUYER, "BUYER", SIDE_ROWS_MOSTLY),
    ...idRules("cus_cust_id_sel", "SELLER", SIDE_ROWS_MOSTLY, false),
    { kind: "not_null", column: "fecha", mostly: SIDE_ROWS_MOSTLY, reasonCode: "PAYMENT_DATE_INVALID" },
    date("fecha", "PAYMENT_DATE_INVALID"),
    { kind: "not_null", column: "spent", mostly: SIDE_ROWS_MOSTLY, reasonCode: "SPENT_INVALID" },
    ...number("spent", "SPENT_INVALID"),
    ...number("descuento", "DISCOUNT_INVALID"),
    category("tpv_segment_detail", TPV_SEGMENTS, "SEGMENT_UNLISTED"),
  ],
};

/** Labels first: a broken EVALUATE.csv is the most important thing the gate can say. */
export const walletSuites = [
  walletEvaluateSuite, walletActiveUserSuite, walletDemograficosSuite, walletDineroCuentaSuite, walletMarketplaceDataSuite, walletPaymentsSuite,
] as const;
