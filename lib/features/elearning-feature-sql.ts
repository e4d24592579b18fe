import { ident } from "../db/sql.ts";
import type { FeatureSpec } from "./feature-spec.ts";

// The e-learning feature and label SQL (ARCHITECTURE §6.1), in two set-based stages so the embedded engine can run
// each in short chunks:
//   1. daily:  events -> one row per (user, active day) with the day's counts (GROUP BY).
//   2. window: a dense user × day grid (generate_series from the user's first event to the data's last day) left
//      joined to the daily rows; rolling sums are window functions with ROWS frames on that dense grid, so
//      "ROWS BETWEEN 6 PRECEDING" is exactly the last 7 calendar days. The label looks the other way:
//      "ROWS BETWEEN 1 FOLLOWING AND 30 FOLLOWING" holds the next 30 days.
// The grid runs to the data's last day, not the user's last event: a user who went silent keeps getting rows (with
// growing days_since_last_activity) until the data ends, which is exactly where churn labels come from. Rows in the
// last 30 days of the data cannot be labelled (their future is not in the data) and get churn = NULL.

/** Days after as_of the label looks at, and the tail of the data left unlabelled for it. */
export const CHURN_HORIZON_DAYS = 30;
/** Rolling windows, in days, each ending on (and including) the as-of day. */
export const ROLLING_WINDOWS = [7, 14, 30] as const;

/** The daily counts: [column, SQL aggregate over the events of one user-day, kind]. */
const DAILY_COUNTS = [
  ["logins", "count(*) FILTER (WHERE event_type = 'login')::int"],
  ["enrolls", "count(*) FILTER (WHERE event_type = 'course_enroll')::int"],
  ["watch_minutes", "coalesce(sum(watch_minutes), 0)::float8"],
  ["quiz_attempts", "count(*) FILTER (WHERE event_type = 'quiz_attempt')::int"],
  ["payments_success", "count(*) FILTER (WHERE event_type = 'payment_success')::int"],
  ["payments_failed", "count(*) FILTER (WHERE event_type = 'payment_failed')::int"],
  ["support_tickets", "count(*) FILTER (WHERE event_type = 'support_ticket')::int"],
  ["events", "count(*)::int"],
] as const;
/** Quiz scores are averaged, not summed: the daily table keeps sum and count so windows can combine them exactly. */
const QUIZ_PARTS = [
  ["quiz_score_sum", "sum(quiz_score) FILTER (WHERE event_type = 'quiz_attempt')"],
  ["quiz_scored", "count(quiz_score) FILTER (WHERE event_type = 'quiz_attempt')::int"],
] as const;

export const DAILY_COLUMNS = [...DAILY_COUNTS, ...QUIZ_PARTS].map(([name]) => name);

/** The daily work table: one row per (user, day with at least one event). */
export const createDailyTable = (name: string, temp: boolean) =>
  `CREATE ${temp ? "TEMP " : ""}TABLE ${name} (user_id bigint NOT NULL, day date NOT NULL,
     ${DAILY_COUNTS.map(([c]) => `${c} ${c === "watch_minutes" ? "float8" : "int"} NOT NULL`).join(", ")},
     quiz_score_sum float8, quiz_scored int NOT NULL, PRIMARY KEY (user_id, day))`;

/** The daily rows of `events` as a query (real Postgres computes them inside the feature statement). */
export const dailySelectSql = (events: string, where = "true") =>
  `SELECT user_id, event_time::date AS day, ${[...DAILY_COUNTS, ...QUIZ_PARTS].map(([name, sql]) => `${sql} AS ${name}`).join(", ")}
     FROM ${ident(events)} e WHERE ${where} GROUP BY 1, 2`;

/**
 * Aggregates events into `into`. `where` narrows the events (a key range on the embedded engine); a user-day split
 * across two ranges is merged by ON CONFLICT, adding counts and score sums, so chunks never double a day.
 */
export function insertDailySql(into: string, events: string, where = "true"): string {
  const cols = ["user_id", "day", ...DAILY_COLUMNS];
  const merge = DAILY_COLUMNS.map((c) => (c === "quiz_score_sum"
    ? `${c} = CASE WHEN d.${c} IS NULL THEN EXCLUDED.${c} WHEN EXCLUDED.${c} IS NULL THEN d.${c} ELSE d.${c} + EXCLUDED.${c} END`
    : `${c} = d.${c} + EXCLUDED.${c}`));
  return `INSERT INTO ${into} AS d (${cols.join(", ")})
    SELECT user_id, event_time::date, ${[...DAILY_COUNTS, ...QUIZ_PARTS].map(([, sql]) => sql).join(", ")}
      FROM ${ident(events)} e WHERE ${where}
     GROUP BY 1, 2
    ON CONFLICT (user_id, day) DO UPDATE SET ${merge.join(", ")}`;
}

const ROLLING_COLUMNS = ["logins", "enrolls", "watch_minutes", "quiz_attempts", "quiz_score_mean", "payments_success", "payments_failed", "support_tickets", "events", "active_days"] as const;

/** The columns of features.elearning_user_day after the key, in table order, with their kinds. */
export const ELEARNING_FEATURES: readonly FeatureSpec[] = [
  { name: "plan", kind: "categorical" },
  { name: "is_paid", kind: "boolean" },
  { name: "country", kind: "categorical" },
  { name: "marketing_source", kind: "categorical" },
  { name: "days_since_signup", kind: "numeric" },
  { name: "days_since_last_activity", kind: "numeric" },
  ...["logins", "enrolls", "watch_minutes", "quiz_attempts", "quiz_score_mean", "payments_success", "payments_failed", "support_tickets", "events"]
    .map((name) => ({ name, kind: "numeric" as const })),
  { name: "active", kind: "boolean" },
  ...ROLLING_WINDOWS.flatMap((w) =>
    ROLLING_COLUMNS.map((name) => ({ name: `${name}_${w}`, kind: "numeric" as const }))),
  { name: "payment_fail_rate_30", kind: "numeric" },
];

/** Running totals per user (cum_<name>) that rolling windows are differences of. */
const CUMULATED = ["logins", "enrolls", "watch_minutes", "quiz_attempts", "quiz_score_sum", "quiz_scored", "payments_success", "payments_failed", "support_tickets", "events", "active_days"] as const;

/**
 * The rolling columns of one window, aliased name_<w>. A w-day sum on the dense grid is cum(d) - cum(d - w), i.e.
 * the running total minus lag(running total, w): two O(1)-per-row window passes. Moving frames (ROWS BETWEEN w-1
 * PRECEDING) recompute the frame per row for float sums and FILTERed counts, which took 25 s here for 229k rows.
 * The quiz mean is the window's score sum over its scored attempts.
 */
const rolling = (w: number) => {
  const diff = (c: (typeof CUMULATED)[number]) => `(cum_${c} - coalesce(lag(cum_${c}, ${w}) OVER g, 0))`;
  const exprs: Record<(typeof ROLLING_COLUMNS)[number], string> = {
    logins: `${diff("logins")}::int`, enrolls: `${diff("enrolls")}::int`, watch_minutes: `${diff("watch_minutes")}::float8`, quiz_attempts: `${diff("quiz_attempts")}::int`,
    quiz_score_mean: `(${diff("quiz_score_sum")} / nullif(${diff("quiz_scored")}, 0))::float8`,
    payments_success: `${diff("payments_success")}::int`, payments_failed: `${diff("payments_failed")}::int`, support_tickets: `${diff("support_tickets")}::int`,
    events: `${diff("events")}::int`, active_days: `${diff("active_days")}::int`,
  };
  return ROLLING_COLUMNS.map((c) => `${exprs[c]} AS ${c}_${w}`);
};

/**
 * Fills features.elearning_user_day for the users with `userFilter` (a predicate on `d.user_id`; "true" for all)
 * from the daily table (or, with `dailyCte`, from that query named `daily`). $1 = source run id, $2 = feature-set version, $3 = the data's last day (date).
 */
export function insertFeaturesSql(daily: string, users: string, userFilter = "true", dailyCte?: string): string {
  const dailyCols = DAILY_COLUMNS.map((c) => (c === "quiz_score_sum" ? `d.${c}` : `coalesce(d.${c}, 0) AS ${c}`));
  return `
  WITH ${dailyCte ? `${daily} AS MATERIALIZED (${dailyCte}),` : ""}
  firsts AS (SELECT d.user_id, min(d.day) AS first_day FROM ${daily} d WHERE ${userFilter} GROUP BY 1),
  dense AS (
    SELECT f.user_id, f.first_day + i AS day, ${dailyCols.join(", ")}, d.user_id IS NOT NULL AS active
      FROM firsts f
      CROSS JOIN LATERAL generate_series(0, $3::date - f.first_day) i
      LEFT JOIN ${daily} d ON d.user_id = f.user_id AND d.day = f.first_day + i),
  cum AS (
    SELECT *, (quiz_score_sum / nullif(quiz_scored, 0))::float8 AS quiz_score_mean,
           ${CUMULATED.map((c) => `sum(${c === "active_days" ? "active::int" : c === "quiz_score_sum" ? "coalesce(quiz_score_sum, 0)" : c}) OVER g AS cum_${c}`).join(", ")},
           max(CASE WHEN active THEN day END) OVER g AS last_active
      FROM dense
    WINDOW g AS (PARTITION BY user_id ORDER BY day ROWS UNBOUNDED PRECEDING)),
  win AS (
    SELECT user_id, day, ${DAILY_COUNTS.map(([c]) => c).join(", ")}, active, quiz_score_mean, last_active,
           ${ROLLING_WINDOWS.flatMap(rolling).join(",\n           ")},
           lead(cum_active_days, ${CHURN_HORIZON_DAYS}) OVER g - cum_active_days AS future_active
      FROM cum
    WINDOW g AS (PARTITION BY user_id ORDER BY day)),
  u AS (SELECT DISTINCT ON (user_id) user_id, signup_date, plan, is_paid, country, marketing_source
          FROM ${ident(users)} ORDER BY user_id, file_id, source_line)
  INSERT INTO features.elearning_user_day (source_run_id, feature_set_version, user_id, as_of, ${ELEARNING_FEATURES.map((f) => f.name).join(", ")}, churn)
  SELECT $1::uuid, $2::int, w.user_id, w.day, u.plan, u.is_paid <> 0, u.country, u.marketing_source,
         w.day - u.signup_date, w.day - w.last_active,
         w.logins, w.enrolls, w.watch_minutes, w.quiz_attempts, w.quiz_score_mean, w.payments_success, w.payments_failed, w.support_tickets, w.events, w.active,
         ${ROLLING_WINDOWS.flatMap((w) => ROLLING_COLUMNS.map((c) => `w.${c}_${w}`)).join(", ")},
         (w.payments_failed_30::float8 / nullif(w.payments_success_30 + w.payments_failed_30, 0))::float8,
         CASE WHEN w.day > $3::date - ${CHURN_HORIZON_DAYS} THEN NULL WHEN w.future_active IS NULL THEN NULL WHEN w.future_active = 0 THEN 1 ELSE 0 END::smallint
    FROM win w LEFT JOIN u ON u.user_id = w.user_id`;
}
