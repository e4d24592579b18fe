import { ident } from "../db/sql.ts";
import type { FeatureSpec } from "./feature-spec.ts";

// The marketplace-wallet feature and label SQL (ARCHITECTURE §6.2). The export describes one evaluation date: the
// side files (ACTIVE_USER, DINERO_CUENTA, DEMOGRAFICOS, MARKETPLACE_DATA) are one snapshot at that date, PAYMENTS
// is a history before it, EVALUATE labels the two months after it. The export date is the latest activity date in
// the files (payments, last logins, last marketplace purchase).
//
// With PAYMENTS: one row per labelled buyer per as-of week (the export date and the N-1 weeks before it). Payments
// are bucketed into weeks back from the export date (bucket k = days (7k, 7k+7] before it); on a dense buyer × week
// grid, 4- and 13-week sums are differences of running totals (cum - lag(cum, w)), like the e-learning windows.
// Side-file columns are the same on every week of a buyer (one snapshot), and recency is measured at the export
// date. Without PAYMENTS: one row per buyer at the export date, payment columns null.

/** Short and long payment windows, in weeks (4 ≈ one month, 13 ≈ the three months an export covers). */
export const SHORT_WEEKS = 4;
export const LONG_WEEKS = 13;
/** Alternative label: no payment in this many days after as_of (only where the data reaches that far). */
export const INACTIVE_DAYS = 60;

/** The TPV segments pivoted into their own columns (lower-cased as staging stores them); the rest are "other". */
export const MAIN_SEGMENTS = [
  ["instore", "instore"], ["transport", "transport"], ["utilities", "utilities"], ["money transfer", "money_transfer"], ["cellphone recharge", "cellphone_recharge"],
] as const;
const SEGMENT_COLUMNS = [...MAIN_SEGMENTS.map(([, c]) => c), "other"];

const num = (name: string): FeatureSpec => ({ name, kind: "numeric" });
const bool = (name: string): FeatureSpec => ({ name, kind: "boolean" });
const cat = (name: string): FeatureSpec => ({ name, kind: "categorical" });

export const WALLET_PAYMENT_FEATURES: readonly FeatureSpec[] = [
  bool("has_payments"), num("payments_4w"), num("payments_13w"), num("payments_trend_4w"), num("spent_4w"), num("spent_13w"), num("discount_4w"),
  num("discount_13w"), num("discounted_payments_13w"), num("payment_days_13w"), num("days_since_last_payment"),
  ...SEGMENT_COLUMNS.flatMap((s) => [num(`payments_${s}_13w`), num(`spent_${s}_13w`)]),
];

export const WALLET_SIDE_FEATURES: readonly FeatureSpec[] = [
  bool("has_active_user"), num("mau_mp_1"), num("mau_mp_2"), num("mau_mp_3"), num("mau_ml_1"), num("mau_ml_2"), num("mau_ml_3"), num("mau_mp_trend"),
  num("mau_ml_trend"), num("days_since_login_mp"), num("days_since_login_ml"),
  bool("has_dinero_cuenta"), num("balance_1"), num("balance_2"), num("balance_change"), cat("inversion"), bool("is_investing"),
  bool("has_demograficos"), cat("gender"), cat("age_band"), cat("card_type"), cat("state"),
  bool("has_marketplace_data"), num("spent_ml"), num("frequency_ml"), num("days_since_ml_purchase"),
];

/** The feature columns of a build: payment columns only when the export had PAYMENTS rows. */
export const walletFeatures = (hasPayments: boolean): FeatureSpec[] => [...(hasPayments ? WALLET_PAYMENT_FEATURES : []), ...WALLET_SIDE_FEATURES];

/** The export date: the latest activity date in the snapshot, else $1 (the load run's day). */
export const exportDateSql = (buyers: string, payments: string) =>
  `SELECT to_char(coalesce(greatest((SELECT max(fecha) FROM ${ident(payments)}),
            (SELECT max(greatest(last_login_mp_date_1, last_login_ml_date_1, recency_ml)) FROM ${ident(buyers)})), $1::date), 'YYYY-MM-DD') AS export_date,
          EXISTS (SELECT 1 FROM ${ident(payments)}) AS has_payments`;

/** Daily work table: one row per (buyer, payment day), segments pivoted. */
export const createPaymentDaysTable = (name: string) =>
  `CREATE TEMP TABLE ${name} (buyer_id bigint NOT NULL, day date NOT NULL, payments int NOT NULL, spent float8 NOT NULL, discount float8 NOT NULL,
     discounted int NOT NULL, ${SEGMENT_COLUMNS.map((s) => `payments_${s} int NOT NULL, spent_${s} float8 NOT NULL`).join(", ")}, PRIMARY KEY (buyer_id, day))`;

const segmentFilter = (s: string) =>
  s === "other" ? `coalesce(segment, '') NOT IN (${MAIN_SEGMENTS.map(([v]) => `'${v}'`).join(", ")})` : `segment = '${MAIN_SEGMENTS.find(([, c]) => c === s)![0]}'`;

const DAY_SUMS = ["payments", "spent", "discount", "discounted", ...SEGMENT_COLUMNS.flatMap((s) => [`payments_${s}`, `spent_${s}`])];

/** Payments (within `where`) into the daily table; a buyer-day split over two chunks is merged by adding. */
export function insertPaymentDaysSql(into: string, payments: string, where = "true"): string {
  return `INSERT INTO ${into} AS d (buyer_id, day, ${DAY_SUMS.join(", ")})
    SELECT buyer_id, fecha, count(*)::int, sum(spent)::float8, coalesce(sum(descuento), 0)::float8, count(*) FILTER (WHERE descuento > 0)::int,
           ${SEGMENT_COLUMNS.map((s) => `count(*) FILTER (WHERE ${segmentFilter(s)})::int, coalesce(sum(spent) FILTER (WHERE ${segmentFilter(s)}), 0)::float8`).join(", ")}
      FROM ${ident(payments)} p WHERE ${where} GROUP BY 1, 2
    ON CONFLICT (buyer_id, day) DO UPDATE SET ${DAY_SUMS.map((c) => `${c} = d.${c} + EXCLUDED.${c}`).join(", ")}`;
}

/** Side-file columns of a buyer row `b`, measured at the export date ($3). */
const SIDE_VALUES = `b.in_active_user, b.mau_mp_1, b.mau_mp_2, b.mau_mp_3, b.mau_ml_1, b.mau_ml_2, b.mau_ml_3, b.mau_mp_1 - b.mau_mp_3, b.mau_ml_1 - b.mau_ml_3,
  $3::date - b.last_login_mp_date_1, $3::date - b.last_login_ml_date_1,
  b.in_dinero_cuenta, b.balance_1, b.balance_2, b.balance_1 - b.balance_2, b.inversion, CASE WHEN b.in_dinero_cuenta THEN coalesce(b.inversion = 'investing', false) END,
  b.in_demograficos, b.gender, b.age_band, b.card_type, b.state,
  b.in_marketplace_data, b.spent_ml, b.frequency_ml, $3::date - b.recency_ml`;

const KEY = "source_run_id, feature_set_version, buyer_id, as_of";

/** No PAYMENTS: one row per buyer at the export date. $1 run, $2 version, $3 export date; `buyerFilter` on b.buyer_id. */
export function insertSnapshotRowsSql(buyers: string, buyerFilter = "true"): string {
  return `INSERT INTO features.churn_weekly_features (${KEY}, ${WALLET_SIDE_FEATURES.map((f) => f.name).join(", ")}, churn, inactive_60d)
    SELECT $1::uuid, $2::int, b.buyer_id, $3::date, ${SIDE_VALUES}, b.churn, NULL FROM ${ident(buyers)} b WHERE ${buyerFilter}`;
}

/**
 * With PAYMENTS: the weekly rows. $1 run, $2 version, $3 export date, $4 weeks; `buyerFilter` on b.buyer_id.
 * Weeks are ordered back in time (bucket 0 = the week ending on the export date), so in time order ("ORDER BY
 * bucket DESC") lag(cum, w) is the running total w weeks earlier.
 */
export function insertWeeklyRowsSql(buyers: string, days: string, buyerFilter = "true"): string {
  const horizon = `$4::int + ${LONG_WEEKS - 1}`;
  const weekSums = DAY_SUMS.map((c) => `coalesce(sum(${c}), 0) AS ${c}`);
  const cum = (c: string) => `sum(${c}) OVER t AS cum_${c}`;
  const diff = (c: string, weeks: number, from = 0) => `(${from ? `lag(cum_${c}, ${from}) OVER t` : `cum_${c}`} - coalesce(lag(cum_${c}, ${from + weeks}) OVER t, 0))`;
  const long = ["payments", "spent", "discount", "discounted", "days", ...SEGMENT_COLUMNS.flatMap((s) => [`payments_${s}`, `spent_${s}`])];
  return `
  WITH weeks AS (
    SELECT d.buyer_id, ($3::date - d.day) / 7 AS bucket, ${weekSums.join(", ")}, count(*) AS days, max(d.day) AS last_day, min(d.day) AS first_day
      FROM ${days} d JOIN ${ident(buyers)} b ON b.buyer_id = d.buyer_id
     WHERE ${buyerFilter} AND d.day <= $3::date AND ($3::date - d.day) / 7 <= ${horizon}
     GROUP BY 1, 2),
  grid AS (
    SELECT b.buyer_id, k AS bucket, ${[...DAY_SUMS, "days"].map((c) => `coalesce(w.${c}, 0) AS ${c}`).join(", ")}, w.last_day, w.first_day
      FROM ${ident(buyers)} b CROSS JOIN generate_series(0, ${horizon}) k
      LEFT JOIN weeks w ON w.buyer_id = b.buyer_id AND w.bucket = k
     WHERE ${buyerFilter}),
  cum AS (
    SELECT buyer_id, bucket, ${long.map(cum).join(", ")},
           max(last_day) OVER t AS last_payment,
           min(first_day) OVER (PARTITION BY buyer_id ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS next_payment
      FROM grid WINDOW t AS (PARTITION BY buyer_id ORDER BY bucket DESC ROWS UNBOUNDED PRECEDING)),
  win AS (
    SELECT buyer_id, bucket, last_payment, next_payment,
           ${diff("payments", SHORT_WEEKS)}::int AS payments_4w, ${diff("payments", LONG_WEEKS)}::int AS payments_13w,
           (${diff("payments", SHORT_WEEKS)} - ${diff("payments", SHORT_WEEKS, SHORT_WEEKS)})::int AS payments_trend_4w,
           ${diff("spent", SHORT_WEEKS)}::float8 AS spent_4w, ${diff("spent", LONG_WEEKS)}::float8 AS spent_13w,
           ${diff("discount", SHORT_WEEKS)}::float8 AS discount_4w, ${diff("discount", LONG_WEEKS)}::float8 AS discount_13w,
           ${diff("discounted", LONG_WEEKS)}::int AS discounted_payments_13w, ${diff("days", LONG_WEEKS)}::int AS payment_days_13w,
           ${SEGMENT_COLUMNS.map((s) => `${diff(`payments_${s}`, LONG_WEEKS)}::int AS payments_${s}_13w, ${diff(`spent_${s}`, LONG_WEEKS)}::float8 AS spent_${s}_13w`).join(",\n           ")}
      FROM cum WINDOW t AS (PARTITION BY buyer_id ORDER BY bucket DESC))
  INSERT INTO features.churn_weekly_features (${KEY}, ${[...WALLET_PAYMENT_FEATURES, ...WALLET_SIDE_FEATURES].map((f) => f.name).join(", ")}, churn, inactive_60d)
  SELECT $1::uuid, $2::int, b.buyer_id, $3::date - 7 * w.bucket, b.in_payments,
         w.payments_4w, w.payments_13w, w.payments_trend_4w, w.spent_4w, w.spent_13w, w.discount_4w, w.discount_13w, w.discounted_payments_13w,
         w.payment_days_13w, ($3::date - 7 * w.bucket) - w.last_payment,
         ${SEGMENT_COLUMNS.map((s) => `w.payments_${s}_13w, w.spent_${s}_13w`).join(", ")},
         ${SIDE_VALUES}, b.churn,
         CASE WHEN ($3::date - 7 * w.bucket) + ${INACTIVE_DAYS} > $3::date THEN NULL
              WHEN w.next_payment IS NULL OR w.next_payment > ($3::date - 7 * w.bucket) + ${INACTIVE_DAYS} THEN 1 ELSE 0 END::smallint
    FROM win w JOIN ${ident(buyers)} b ON b.buyer_id = w.buyer_id
   WHERE w.bucket < $4::int`;
}
