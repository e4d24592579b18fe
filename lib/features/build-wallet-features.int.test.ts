import { describe, expect, it } from "vitest";
import { tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { query } from "../db/sql.ts";
import { buildWalletFeatures } from "./build-wallet-features.ts";
import { loadTrainingFrame } from "./load-training-frame.ts";
import { sourceRunWith } from "./testing.ts";
import { WALLET_PAYMENT_FEATURES, WALLET_SIDE_FEATURES } from "./wallet-feature-sql.ts";

// Three hand-made buyers. 101 is in every side file; 102 is missing from ACTIVE_USER, DINERO_CUENTA and
// MARKETPLACE_DATA; 103 never paid. The latest activity date is 101's payment on 2025-01-31: the export date.
// Expected values are counted by hand from these rows (windows: 4 weeks = 28 days, 13 weeks = 91 days, ending on as_of).
const BUYERS = [
  {
    buyer_id: 101, churn: 0, mau_mp_1: 10, mau_mp_2: 7, mau_mp_3: 4, mau_ml_1: 1, mau_ml_2: 2, mau_ml_3: 3, last_login_mp_date_1: "2025-01-29", last_login_ml_date_1: null,
    city: "Rosario", gender: "male", age_band: "03.entre 26 y 30 años", card_type: "debit card", state: "Santa Fe", balance_1: 100, balance_2: 40, inversion: "investing",
    spent_ml: 50, recency_ml: "2025-01-20", frequency_ml: 3, in_active_user: true, in_demograficos: true, in_dinero_cuenta: true, in_marketplace_data: true, in_payments: true,
  },
  {
    buyer_id: 102, churn: 1, mau_mp_1: null, mau_mp_2: null, mau_mp_3: null, mau_ml_1: null, mau_ml_2: null, mau_ml_3: null, last_login_mp_date_1: null, last_login_ml_date_1: null,
    city: null, gender: "female", age_band: "00. sin dato", card_type: null, state: "Córdoba", balance_1: null, balance_2: null, inversion: null,
    spent_ml: null, recency_ml: null, frequency_ml: null, in_active_user: false, in_demograficos: true, in_dinero_cuenta: false, in_marketplace_data: false, in_payments: true,
  },
  {
    buyer_id: 103, churn: 1, mau_mp_1: 0, mau_mp_2: 1, mau_mp_3: 2, mau_ml_1: 0, mau_ml_2: 0, mau_ml_3: 0, last_login_mp_date_1: null, last_login_ml_date_1: null,
    city: null, gender: null, age_band: null, card_type: null, state: null, balance_1: 0, balance_2: 5, inversion: null,
    spent_ml: null, recency_ml: null, frequency_ml: null, in_active_user: true, in_demograficos: false, in_dinero_cuenta: true, in_marketplace_data: false, in_payments: false,
  },
];
const pay = (fecha: string, buyer: number, spent: number, segment: string | null, descuento: number | null) => ({ fecha, seller_id: 9, buyer_id: buyer, spent, segment, descuento });
const PAYMENTS = [
  pay("2024-12-01", 102, 100, "money transfer", null),
  pay("2024-12-20", 101, 7, "utilities", 0),
  pay("2025-01-25", 101, 20, "transport", 0),
  pay("2025-01-25", 101, 5, "crypto", null),
  pay("2025-01-31", 101, 10, "instore", 1),
];

type Row = Record<string, number | string | boolean | null>;
async function rowsOf(runId: string): Promise<Map<string, Row>> {
  const rows = await query<Row>(`SELECT *, to_char(as_of, 'YYYY-MM-DD') AS day FROM features.churn_weekly_features WHERE source_run_id = $1`, [runId]);
  return new Map(rows.map((r) => [`${r.buyer_id} ${r.day}`, r]));
}

describe("buildWalletFeatures with PAYMENTS", () => {
  let runId: string;
  let rows: Map<string, Row>;

  it("writes one row per labelled buyer per weekly as-of date, ending on the export date", async () => {
    runId = await sourceRunWith({ "staging.wallet_buyers": BUYERS, "staging.wallet_payments": PAYMENTS });
    const build = await buildWalletFeatures({ sourceRunId: runId, weeks: 3, chunks: { buyers: 1, payments: 2 } });
    expect(build).toMatchObject({ rows: 9, buyers: 3, hasPayments: true, exportDate: "2025-01-31", asOfDates: ["2025-01-31", "2025-01-24", "2025-01-17"] });
    expect(build.features.map((f) => f.name)).toEqual([...WALLET_PAYMENT_FEATURES, ...WALLET_SIDE_FEATURES].map((f) => f.name));
    rows = await rowsOf(runId);
    expect(rows.size).toBe(9);
  });

  it("sums payments, spend and discounts over 4 and 13 weeks, overall and by segment (others grouped)", () => {
    const r = rows.get("101 2025-01-31")!;
    // 28 days (01-03..01-31]: 01-25 ×2, 01-31; 91 days: also 12-20
    expect(r).toMatchObject({ has_payments: true, payments_4w: 3, payments_13w: 4, discounted_payments_13w: 1, payment_days_13w: 3, days_since_last_payment: 0 });
    expect(r.spent_4w).toBeCloseTo(35, 9); // 20 + 5 + 10
    expect(r.spent_13w).toBeCloseTo(42, 9);
    expect(r.discount_13w).toBeCloseTo(1, 9);
    expect(r).toMatchObject({ payments_instore_13w: 1, payments_transport_13w: 1, payments_utilities_13w: 1, payments_other_13w: 1, payments_money_transfer_13w: 0 });
    expect(r.spent_other_13w).toBeCloseTo(5, 9); // "crypto" is not a main segment
    expect(r.payments_trend_4w).toBe(2); // 3 in the last 4 weeks - 1 (12-20) in the 4 weeks before
    const earlier = rows.get("101 2025-01-24")!;
    // 01-24: (12-27..01-24] is empty; 13 weeks hold 12-20 only; 12-20 -> 01-24 = 35 days
    expect(earlier).toMatchObject({ payments_4w: 0, payments_13w: 1, days_since_last_payment: 35, payments_trend_4w: -1 });
    const b102 = rows.get("102 2025-01-31")!;
    expect(b102).toMatchObject({ payments_13w: 1, payments_money_transfer_13w: 1, days_since_last_payment: 61 }); // 12-01 -> 01-31
    const b103 = rows.get("103 2025-01-31")!;
    expect(b103).toMatchObject({ has_payments: false, payments_13w: 0, days_since_last_payment: null });
  });

  it("keeps buyers missing from side files, with nulls and has_<file> = false", () => {
    const a = rows.get("101 2025-01-17")!;
    expect(a).toMatchObject({ has_active_user: true, mau_mp_trend: 6, mau_ml_trend: -2, days_since_login_mp: 2, days_since_login_ml: null });
    expect(a).toMatchObject({ balance_change: 60, is_investing: true, has_marketplace_data: true, days_since_ml_purchase: 11, churn: 0 });
    const b = rows.get("102 2025-01-17")!;
    expect(b).toMatchObject({ has_active_user: false, mau_mp_1: null, mau_mp_trend: null, has_dinero_cuenta: false, balance_1: null, is_investing: null });
    expect(b).toMatchObject({ has_demograficos: true, gender: "female", has_marketplace_data: false, spent_ml: null, churn: 1 });
    expect(rows.get("103 2025-01-17")).toMatchObject({ has_demograficos: false, gender: null, is_investing: false, balance_change: -5 });
  });

  it("labels 60 days inactive only where the data covers the 60 days after as_of", async () => {
    expect([...rows.values()].every((r) => r.inactive_60d === null)).toBe(true); // as_of + 60 > 01-31 for all 3 weeks
    const long = await buildWalletFeatures({ sourceRunId: runId, weeks: 10 }); // reaches 2024-11-29 (+60 = 01-28)
    expect(long.rows).toBe(30);
    expect(long.inactiveLabelledRows).toBe(3);
    const r = await rowsOf(runId);
    expect(r.get("101 2024-11-29")!.inactive_60d).toBe(0); // pays 12-20
    expect(r.get("102 2024-11-29")!.inactive_60d).toBe(0); // pays 12-01
    expect(r.get("103 2024-11-29")!.inactive_60d).toBe(1); // never pays
    expect(r.get("101 2024-12-06")!.inactive_60d).toBeNull(); // 12-06 + 60 = 02-04, past the data
  });

  it("rebuilds idempotently and loads the newest weeks as a training frame", async () => {
    await buildWalletFeatures({ sourceRunId: runId, weeks: 3 });
    const before = await tableChecksum("features.churn_weekly_features");
    await buildWalletFeatures({ sourceRunId: runId, weeks: 3 });
    expect(await tableChecksum("features.churn_weekly_features")).toBe(before);

    const { frame } = await loadTrainingFrame({ source: "wallet", sourceRunId: runId, weeks: 2 });
    expect(frame.rows).toBe(6); // 3 buyers × the 2 newest weeks
    expect(frame.entityIds).toEqual(["101", "101", "102", "102", "103", "103"]);
    expect([...frame.labels!]).toEqual([0, 0, 1, 1, 1, 1]);
    expect(frame.asOf![1]).toBe(Date.UTC(2025, 0, 31) / 86_400_000);
    const col = (name: string) => frame.columns.find((c) => c.name === name)!;
    expect(Number.isNaN(col("mau_mp_1").values[2] as number)).toBe(true); // 102 has no ACTIVE_USER row
    expect(col("has_active_user").values[2]).toBe(0);
    expect(col("gender").values[4]).toBeNull();
    expect(col("payments_4w").values[1]).toBe(3);
  });
});

describe("buildWalletFeatures without PAYMENTS", () => {
  it("writes one row per buyer at the export date from the side files, without payment columns, and trains on it", async () => {
    const runId = await sourceRunWith({ "staging.wallet_buyers": BUYERS, "staging.wallet_payments": [] });
    const build = await buildWalletFeatures({ sourceRunId: runId, chunks: { buyers: 2 } });
    // latest side-file date: 101's last login 2025-01-29
    expect(build).toMatchObject({ rows: 3, hasPayments: false, exportDate: "2025-01-29", asOfDates: ["2025-01-29"] });
    expect(build.features).toEqual(WALLET_SIDE_FEATURES);
    const rows = await rowsOf(runId);
    expect(rows.get("101 2025-01-29")).toMatchObject({ days_since_login_mp: 0, days_since_ml_purchase: 9, payments_13w: null, inactive_60d: null });
    const { frame, features } = await loadTrainingFrame({ source: "wallet", sourceRunId: runId });
    expect(features).toEqual(WALLET_SIDE_FEATURES);
    expect(frame.rows).toBe(3);
    expect(frame.columns.map((c) => c.name)).not.toContain("payments_13w");
    expect([...frame.labels!]).toEqual([0, 1, 1]);
  });
});
