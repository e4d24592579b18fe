import { describe, expect, it } from "vitest";
import { tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { query } from "../db/sql.ts";
import { buildElearningFeatures } from "./build-elearning-features.ts";
import { ELEARNING_FEATURES } from "./elearning-feature-sql.ts";
import { loadTrainingFrame } from "./load-training-frame.ts";
import { sourceRunWith } from "./testing.ts";

// Hand-made activity for two users. Every expected number below is counted by hand from these rows (the comment
// next to it says how), never taken from a build. The data's last day is 2025-03-10 (user 2's last login), so rows
// up to 2025-02-08 (= last day - 30) are labelled and the 30 days after are not.
const USERS = [
  { user_id: 1, signup_date: "2025-01-01", plan: "paid", is_paid: 1, country: "US", marketing_source: "organic", engagement_score: 0.5 },
  { user_id: 2, signup_date: "2024-12-25", plan: "free", is_paid: 0, country: "DE", marketing_source: "ads", engagement_score: null },
];
let eventId = 0;
const ev = (user: number, time: string, type: string, extra: { watch?: number; score?: number | null; amount?: number } = {}) => ({
  event_id: ++eventId, user_id: user, event_time: time, event_type: type, course_id: null,
  watch_minutes: extra.watch ?? 0, quiz_score: extra.score ?? null, amount: extra.amount ?? null,
});
const EVENTS = [
  ev(1, "2025-01-01T10:00:00", "login"),
  ev(1, "2025-01-01T11:00:00", "video_watch", { watch: 30.5 }),
  ev(1, "2025-01-03T09:00:00", "quiz_attempt", { score: 80 }),
  ev(2, "2025-01-05T08:00:00", "login"),
  ev(1, "2025-01-03T09:30:00", "quiz_attempt", { score: 60 }),
  ev(2, "2025-01-06T08:00:00", "quiz_attempt", { score: null }),
  ev(1, "2025-01-08T10:00:00", "login"),
  ev(2, "2025-01-06T09:00:00", "quiz_attempt", { score: 90 }),
  ev(1, "2025-01-08T10:05:00", "payment_failed", { amount: 10 }),
  ev(1, "2025-01-10T10:00:00", "payment_success", { amount: 10 }),
  ev(1, "2025-01-10T23:59:59", "support_ticket"),
  ev(1, "2025-02-20T07:00:00", "login"),
  ev(2, "2025-03-10T20:00:00", "login"),
];

type Row = Record<string, number | string | boolean | null>;

async function rowsOf(runId: string): Promise<Map<string, Row>> {
  const rows = await query<Row>(
    `SELECT *, to_char(as_of, 'YYYY-MM-DD') AS day FROM features.elearning_user_day WHERE source_run_id = $1 ORDER BY user_id, as_of`, [runId]);
  return new Map(rows.map((r) => [`${r.user_id} ${r.day}`, r]));
}

describe("buildElearningFeatures", () => {
  let runId: string;
  let rows: Map<string, Row>;

  it("writes a dense user × day grid from each user's first event to the data's last day", async () => {
    runId = await sourceRunWith({ "staging.elearning_users": USERS, "staging.elearning_events": EVENTS });
    // Tiny chunks on the embedded engine: user-days split across event chunks, one user per window statement.
    const build = await buildElearningFeatures({ sourceRunId: runId, chunks: { users: 1, events: 3 } });
    rows = await rowsOf(runId);
    // user 1: 2025-01-01..2025-03-10 = 31 + 28 + 10 = 69 days; user 2: 2025-01-05..2025-03-10 = 27 + 28 + 10 = 65 days
    expect(build).toMatchObject({ rows: 134, users: 2, lastDay: "2025-03-10" });
    expect(rows.size).toBe(134);
    expect(rows.has("1 2025-01-01") && rows.has("1 2025-03-10") && rows.has("2 2025-01-05") && !rows.has("2 2025-01-04")).toBe(true);
  });

  it("computes daily counts and 7/14/30-day rolling sums on the dense grid", () => {
    const d8 = rows.get("1 2025-01-08")!;
    expect(d8).toMatchObject({ logins: 1, payments_failed: 1, events: 2, active: true, days_since_signup: 7, days_since_last_activity: 0 });
    expect(d8.logins_7).toBe(1); // window 01-02..01-08 holds the login of 01-08 only
    expect(d8.logins_14).toBe(2); // 01-01 and 01-08
    expect(d8.events_7).toBe(4); // 2 quizzes on 01-03 + login and failed payment on 01-08
    expect(d8.active_days_7).toBe(2); // 01-03, 01-08
    expect(d8.quiz_attempts_7).toBe(2);
    expect(d8.quiz_score_mean_7).toBeCloseTo(70, 12); // (80 + 60) / 2
    expect(d8.quiz_score_mean).toBeNull(); // no quiz that day
    expect(d8.payment_fail_rate_30).toBe(1); // 1 failed / (0 success + 1 failed)
    expect(rows.get("1 2025-01-07")!.watch_minutes_7).toBeCloseTo(30.5, 9); // 01-01..01-07
    expect(rows.get("1 2025-01-08")!.watch_minutes_7).toBeCloseTo(0, 9); // 01-02..01-08: the 01-01 video left the window
    expect(rows.get("1 2025-01-10")!.payment_fail_rate_30).toBe(0.5); // 1 failed / (1 success + 1 failed)
    expect(rows.get("1 2025-01-10")).toMatchObject({ support_tickets: 1, payments_success: 1, events: 2 });
    expect(rows.get("1 2025-01-30")!.logins_30).toBe(2); // 01-01..01-30: 01-01, 01-08
    expect(rows.get("1 2025-01-31")!.logins_30).toBe(1); // 01-02..01-31: 01-08
    expect(rows.get("1 2025-01-31")!.quiz_score_mean_30).toBeCloseTo(70, 12); // 01-03 still inside
    expect(rows.get("1 2025-02-02")!.quiz_score_mean_30).toBeNull(); // 01-04..02-02: no quiz
    const u2 = rows.get("2 2025-01-06")!;
    expect(u2).toMatchObject({ quiz_attempts: 2, plan: "free", is_paid: false, country: "DE", marketing_source: "ads", days_since_signup: 12 });
    expect(u2.quiz_score_mean).toBe(90); // the attempt without a score is not averaged in
    expect(u2.payment_fail_rate_30).toBeNull(); // no payments: no rate
  });

  it("counts days since the last active day, growing through a silent spell", () => {
    expect(rows.get("1 2025-01-09")!.days_since_last_activity).toBe(1);
    expect(rows.get("1 2025-02-19")!.days_since_last_activity).toBe(40); // 01-10 -> 02-19 = 21 + 19 days
    expect(rows.get("1 2025-02-20")!.days_since_last_activity).toBe(0);
    expect(rows.get("2 2025-03-09")!.days_since_last_activity).toBe(62); // 01-06 -> 03-09 = 25 + 28 + 9 days
  });

  it("labels churn = no active day in the next 30 days, and leaves the data's last 30 days unlabelled", () => {
    const churn = (key: string) => rows.get(key)!.churn;
    expect(churn("1 2025-01-09")).toBe(0); // 01-10..02-08 holds 01-10
    expect(churn("1 2025-01-10")).toBe(1); // 01-11..02-09: silent until 02-20
    expect(churn("1 2025-01-20")).toBe(1); // 01-21..02-19
    expect(churn("1 2025-01-21")).toBe(0); // 01-22..02-20 holds 02-20
    expect(churn("2 2025-01-05")).toBe(0); // 01-06 active
    expect(churn("2 2025-01-06")).toBe(1); // 01-07..02-05 silent
    expect(churn("2 2025-02-07")).toBe(1); // 02-08..03-09 silent
    expect(churn("2 2025-02-08")).toBe(0); // 02-09..03-10 holds 03-10; 02-08 = last day - 30, the last labelled day
    expect(churn("2 2025-02-09")).toBeNull();
    expect(churn("1 2025-03-10")).toBeNull();
    // labelled: user 1 01-01..02-08 = 39 rows, user 2 01-05..02-08 = 35 rows
    expect([...rows.values()].filter((r) => r.churn !== null)).toHaveLength(74);
  });

  it("rebuilds idempotently: the same rows (checksum) after a second build of the same run", async () => {
    const before = await tableChecksum("features.elearning_user_day");
    const again = await buildElearningFeatures({ sourceRunId: runId });
    expect(again).toMatchObject({ rows: 134, labelledRows: 74 });
    expect(await tableChecksum("features.elearning_user_day")).toBe(before);
  });

  it("loads the training frame: labelled rows only, typed columns, NaN and null for missing values", async () => {
    const { frame, features } = await loadTrainingFrame({ source: "elearning", sourceRunId: runId });
    expect(features).toEqual(ELEARNING_FEATURES);
    expect(frame.rows).toBe(74);
    expect(frame.labels).toBeInstanceOf(Uint8Array);
    expect(frame.labels!.length).toBe(74);
    expect(frame.columns.map((c) => c.name)).toEqual(ELEARNING_FEATURES.map((f) => f.name));
    // rows come in (user, as_of) order: user 1 starts on 2025-01-01 = day 20089 since 1970-01-01
    expect(frame.entityIds!.slice(0, 2)).toEqual(["1", "1"]);
    expect(frame.entityIds![39]).toBe("2");
    expect(frame.asOf![0]).toBe(Date.UTC(2025, 0, 1) / 86_400_000);
    expect(frame.asOf![9] - frame.asOf![0]).toBe(9);
    const col = (name: string) => frame.columns.find((c) => c.name === name)!;
    expect(col("plan")).toMatchObject({ kind: "categorical" });
    expect(col("plan").values[0]).toBe("paid");
    expect(col("is_paid").values[0]).toBe(1);
    expect(col("logins_14").values).toBeInstanceOf(Float64Array);
    expect(col("logins_14").values[7]).toBe(2); // 2025-01-08, as above
    expect(Number.isNaN(col("quiz_score_mean").values[0] as number)).toBe(true); // no quiz on 01-01
    expect(frame.labels![9]).toBe(1); // user 1 on 2025-01-10
    expect(frame.labels![8]).toBe(0);
  });
});
