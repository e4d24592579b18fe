import { ident } from "../db/sql.ts";
import type { FeatureSpec } from "./feature-spec.ts";

// The e-learning feature and label SQL (ARCHITECTURE §6.1), in two set-based stages so the embedded engine can run
// each in short chunks:
//   1. daily:  events -> one row per (user, active day) with the day's counts (GROUP BY).
//   2. window: a dense user × day grid from the user's first event to the data's last day (each active day expanded
//      over the quiet days up to the next one); rolling sums are window functions with ROWS frames on that dense
//      grid, so 7 rows back is exactly 7 calendar days back. The label looks the other way: the active days among
//      the next 30 rows.
// The grid runs to the data's last day, not the user's last event: a user who went silent keeps getting rows (with
// growing days_since_last_activity) until the data ends, which is exactly where churn labels come from. Rows in the
// last 30 days of the data cannot be labelled (their future is not in the data) and are dropped, except the last day
// itself, kept with churn = NULL: it is each user's current state, what scoring reads. Writing the rows is the
// largest cost of the build (measured: the SELECT alone took ~30% of the INSERT), so the unlabelled tail is not kept.

/** Days after as_of the label looks at, and the tail of the data left unlabelled for it. */
export const CHURN_HORIZON_DAYS = 30;
/** Rolling windows, in days, each ending on (and including) the as-of day. */
export const ROLLING_WINDOWS = [7, 14, 30] as const;

/**
 * The daily aggregate counts two event types with one sum: 1 for the first type, 2^21 for the second, split by % and
 * / afterwards. Ten FILTERed aggregates over the 485k events took ~3x the GROUP BY itself; three packed sums in place
 * of six counts took 20-40% off the aggregation on Postgres (no difference measured on PGlite). The low field holds
 * up to 2^21 - 1 events: a user-day with more events than that stops the build with an error rather than miscounting.
 */
const PACK = 2097152;
const PAIRS = [["login", "course_enroll"], ["quiz_attempt", "payment_success"], ["payment_failed", "support_ticket"]] as const;

/** The daily columns: [column, SQL over the inner aggregate `a` of one user-day (see dailySelectSql)]. */
const DAILY_COUNTS = [
  ["logins", `(a.p0 % ${PACK})::int`],
  ["enrolls", `(a.p0 / ${PACK})::int`],
  ["watch_minutes", "a.watch_minutes"],
  ["quiz_attempts", `(a.p1 % ${PACK})::int`],
  ["payments_success", `(a.p1 / ${PACK})::int`],
  ["payments_failed", `(a.p2 % ${PACK})::int`],
  ["support_tickets", `(a.p2 / ${PACK})::int`],
  ["events", `CASE WHEN a.events < ${PACK} THEN a.events::int
      ELSE ('more than ${PACK - 1} e-learning events of user ' || a.user_id || ' on ' || a.day || ': too many for the daily counts')::int END`],
] as const;
/** Quiz scores are averaged, not summed: the daily table keeps sum and count so windows can combine them exactly. */
const QUIZ_PARTS = [
  ["quiz_score_sum", "a.quiz_score_sum"],
  ["quiz_scored", "a.quiz_scored"],
] as const;

export const DAILY_COLUMNS = [...DAILY_COUNTS, ...QUIZ_PARTS].map(([name]) => name);

/** The event columns dailySelectSql reads (block snapshots unnest only these). */
export const DAILY_EVENT_COLUMNS = ["user_id", "event_time", "event_type", "watch_minutes", "quiz_score"] as const;

/** An events relation to read: a table or view name, or `{ sql }`, a FROM item as it is (e.g. a subquery). */
export type EventsSource = string | { sql: string };

/** The daily rows of `events` as a query: one row per (user, day with at least one event), one pass over the events. */
export const dailySelectSql = (events: EventsSource, where = "true") =>
  `SELECT a.user_id, a.day, ${[...DAILY_COUNTS, ...QUIZ_PARTS].map(([name, sql]) => `${sql} AS ${name}`).join(", ")}
     FROM (SELECT user_id, event_time::date AS day,
                  ${PAIRS.map(([first, second], i) => `sum(CASE event_type WHEN '${first}' THEN 1 WHEN '${second}' THEN ${PACK} ELSE 0 END) AS p${i}`).join(", ")},
                  coalesce(sum(watch_minutes), 0)::float8 AS watch_minutes, count(*) AS events,
                  sum(quiz_score) FILTER (WHERE event_type = 'quiz_attempt') AS quiz_score_sum,
                  count(quiz_score) FILTER (WHERE event_type = 'quiz_attempt')::int AS quiz_scored
             FROM ${typeof events === "string" ? ident(events) : events.sql} e WHERE ${where} GROUP BY 1, 2) a`;

/**
 * The embedded engine's daily work table: partial daily rows, one per (user, day, chunk of events). A user-day whose
 * events straddle two chunks has a row from each, summed when read (mergedDailySql). No key while it fills: keeping
 * a primary key and merging with ON CONFLICT cost ~3x the aggregation itself on PGlite; one index is built after.
 */
export const createDailyTable = (name: string) =>
  `CREATE TEMP TABLE ${name} (user_id bigint NOT NULL, day date NOT NULL,
     ${DAILY_COUNTS.map(([c]) => `${c} ${c === "watch_minutes" ? "float8" : "int"} NOT NULL`).join(", ")},
     quiz_score_sum float8, quiz_scored int NOT NULL)`;

/** Aggregates the events matching `where` (a key range on the embedded engine) into the daily work table. */
export const insertDailySql = (into: string, events: EventsSource, where = "true") =>
  `INSERT INTO ${into} (user_id, day, ${DAILY_COLUMNS.join(", ")}) ${dailySelectSql(events, where)}`;

/** The index the window stage reads the daily work table by (per range of users, in day order). */
export const indexDailySql = (name: string) => `CREATE INDEX ON ${name} (user_id, day)`;

/**
 * The daily rows of the work table for the users matching `where`, partial rows of one day summed. Rows are summed
 * in the order they were written (a scan in table order), as ON CONFLICT merging used to: same floats.
 */
export const mergedDailySql = (daily: string, where = "true") =>
  `SELECT user_id, day, ${DAILY_COLUMNS.map((c) => `sum(${c})${c === "quiz_score_sum" || c === "watch_minutes" ? "" : "::int"} AS ${c}`).join(", ")}
     FROM ${daily} d WHERE ${where} GROUP BY 1, 2`;

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

/** 1-based position of a running total in the `cums` array. */
const at = (c: (typeof CUMULATED)[number]) => CUMULATED.indexOf(c) + 1;

/**
 * The rolling columns of one window, aliased name_<w>. A w-day sum on the dense grid is cum(d) - cum(d - w): the
 * running totals minus the running totals w rows earlier. All running totals travel in one float8[] so each window
 * needs one lag() call, not one per column: lag() walks the window's row store back and forth, and 34 separate
 * calls took most of the build. Moving frames (ROWS BETWEEN w-1 PRECEDING) were slower still: float sums and
 * FILTERed counts have no inverse transition, so every frame is summed again (25 s here for 229k rows).
 * The quiz mean is the window's score sum over its scored attempts.
 */
const rolling = (w: number) => {
  const diff = (c: (typeof CUMULATED)[number]) => `(cums[${at(c)}] - coalesce(l${w}[${at(c)}], 0))`;
  const exprs: Record<(typeof ROLLING_COLUMNS)[number], string> = {
    logins: `${diff("logins")}::int`, enrolls: `${diff("enrolls")}::int`, watch_minutes: `${diff("watch_minutes")}::float8`, quiz_attempts: `${diff("quiz_attempts")}::int`,
    quiz_score_mean: `(${diff("quiz_score_sum")} / nullif(${diff("quiz_scored")}, 0))::float8`,
    payments_success: `${diff("payments_success")}::int`, payments_failed: `${diff("payments_failed")}::int`, support_tickets: `${diff("support_tickets")}::int`,
    events: `${diff("events")}::int`, active_days: `${diff("active_days")}::int`,
  };
  return ROLLING_COLUMNS.map((c) => `${exprs[c]} AS ${c}_${w}`);
};

/**
 * Fills features.elearning_user_day from `dailyQuery` (daily rows, as dailySelectSql or mergedDailySql give them) for
 * the users it holds; `usersWhere` narrows the users table to them (a predicate on its user_id; "true" for all).
 * $1 = source run id, $2 = feature-set version, $3 = the data's last day (date). Answers the rows written and the
 * labelled ones among them (a count of the written rows afterwards re-read them: ~0.25 s on Postgres).
 *
 * Running totals are taken over the active days only (`runs`: ~half the rows of the grid), each active day then
 * stands for the run of days up to the next one (or the data's last day): a quiet day adds 0 to every total, so it
 * repeats the totals of its run's active day exactly (bit for bit, also the float ones). The grid comes out of that
 * expansion in user order, so the second window pass sorts only within each user (an incremental sort), where
 * joining a generated grid to the daily rows sorted the whole grid once for the join and once more for the windows.
 */
export function insertFeaturesSql(dailyQuery: string, users: string, usersWhere = "true"): string {
  const counts = DAILY_COUNTS.map(([c]) => c);
  const total = (c: (typeof CUMULATED)[number]) => (c === "active_days" ? "count(*)" : c === "quiz_score_sum" ? "sum(coalesce(d.quiz_score_sum, 0))" : `sum(d.${c})`);
  return `
  WITH daily AS (${dailyQuery}),
  runs AS (
    SELECT d.user_id, d.day, ${counts.map((c) => `d.${c}`).join(", ")}, (d.quiz_score_sum / nullif(d.quiz_scored, 0))::float8 AS quiz_score_mean,
           ARRAY[${CUMULATED.map((c) => `${total(c)} OVER g`).join(", ")}]::float8[] AS cums,
           coalesce(lead(d.day) OVER g, $3::date + 1) - d.day AS run_days
      FROM daily d
    WINDOW g AS (PARTITION BY d.user_id ORDER BY d.day ROWS UNBOUNDED PRECEDING)),
  cum AS (
    SELECT r.user_id, r.day + i AS day, ${counts.map((c) => `CASE WHEN i = 0 THEN r.${c} ELSE 0 END AS ${c}`).join(", ")},
           i = 0 AS active, CASE WHEN i = 0 THEN r.quiz_score_mean END AS quiz_score_mean, r.cums, r.day AS last_active
      FROM runs r CROSS JOIN LATERAL generate_series(0, r.run_days - 1) i),
  lagged AS (
    SELECT *, ${ROLLING_WINDOWS.map((w) => `lag(cums, ${w}) OVER g AS l${w}`).join(", ")},
           lead(cums[${at("active_days")}], ${CHURN_HORIZON_DAYS}) OVER g - cums[${at("active_days")}] AS future_active
      FROM cum
    WINDOW g AS (PARTITION BY user_id ORDER BY day)),
  win AS (
    SELECT user_id, day, ${DAILY_COUNTS.map(([c]) => c).join(", ")}, active, quiz_score_mean, last_active, future_active,
           ${ROLLING_WINDOWS.flatMap(rolling).join(",\n           ")}
      FROM lagged),
  u AS (SELECT DISTINCT ON (user_id) user_id, signup_date, plan, is_paid, country, marketing_source
          FROM ${ident(users)} WHERE ${usersWhere} ORDER BY user_id, file_id, source_line),
  ins AS (
  INSERT INTO features.elearning_user_day (source_run_id, feature_set_version, user_id, as_of, ${ELEARNING_FEATURES.map((f) => f.name).join(", ")}, churn)
  SELECT $1::uuid, $2::int, w.user_id, w.day, u.plan, u.is_paid <> 0, u.country, u.marketing_source,
         w.day - u.signup_date, w.day - w.last_active,
         w.logins, w.enrolls, w.watch_minutes, w.quiz_attempts, w.quiz_score_mean, w.payments_success, w.payments_failed, w.support_tickets, w.events, w.active,
         ${ROLLING_WINDOWS.flatMap((w) => ROLLING_COLUMNS.map((c) => `w.${c}_${w}`)).join(", ")},
         (w.payments_failed_30::float8 / nullif(w.payments_success_30 + w.payments_failed_30, 0))::float8,
         CASE WHEN w.day > $3::date - ${CHURN_HORIZON_DAYS} THEN NULL WHEN w.future_active IS NULL THEN NULL WHEN w.future_active = 0 THEN 1 ELSE 0 END::smallint
    FROM win w LEFT JOIN u ON u.user_id = w.user_id
   WHERE w.day <= $3::date - ${CHURN_HORIZON_DAYS} OR w.day = $3::date
  RETURNING churn)
  SELECT count(*)::int AS rows, count(churn)::int AS labelled FROM ins`;
}
