import { describe, expect, it } from "vitest";
import { rocAuc } from "../../ml/metrics/roc-auc.ts";
import { elearningSampleParams, type ElearningSampleParams } from "./elearning-params.ts";
import { EVENTS_HEADER, USERS_HEADER, generateElearning, generateElearningStream } from "./generate-elearning.ts";

const DAY_MS = 86_400_000;
// These run in ~1 s here; the default 5 s is too tight for a slow CI machine.
const HEAVY_TEST_TIMEOUT_MS = 30_000;
const EVENT_TYPES = new Set([
  "login", "course_enroll", "video_watch", "quiz_attempt",
  "payment_success", "payment_failed", "support_ticket",
]);
const COURSE_EVENTS = new Set(["course_enroll", "video_watch", "quiz_attempt"]);
const PAYMENT_EVENTS = new Set(["payment_success", "payment_failed"]);
const SOURCES = new Set(["organic", "paid_search", "social", "referral", "email", "affiliate"]);
const INT = /^[1-9]\d*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function params(overrides: Partial<ElearningSampleParams>): ElearningSampleParams {
  return elearningSampleParams.parse(overrides);
}

/** Splits CSV text without quoting (the contract has no commas inside values). */
function rows(csv: string): { header: string; rows: string[][] } {
  expect(csv.endsWith("\n")).toBe(true);
  const lines = csv.slice(0, -1).split("\n");
  return { header: lines[0]!, rows: lines.slice(1).map((l) => l.split(",")) };
}

const dayIndex = (date: string, start: string) =>
  Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);

describe("generateElearningStream", () => {
  it("gives events.csv a day at a time, counts them as it goes, and refuses a second read (the simulation runs once)", () => {
    const p = params({ users: 200, days: 60 });
    const s = generateElearningStream(p);
    expect(s.stats.events).toBe(0); // nothing simulated yet
    const pieces = Array.from(s.events);
    expect(pieces[0]).toBe(`${EVENTS_HEADER}\n`);
    expect(pieces.length).toBeGreaterThan(30);
    expect(pieces.length).toBeLessThanOrEqual(p.days + 1);
    expect(pieces.every((piece) => piece.endsWith("\n"))).toBe(true);
    const lines = pieces.join("").split("\n").filter(Boolean);
    expect(s.stats.events).toBe(lines.length - 1);
    expect(s.stats.lastEventTime).toBe(lines.at(-1)!.split(",")[2]);
    expect(() => Array.from(s.events)).toThrow(/can be read once/);
  });
});

describe("generateElearning", () => {
  it("produces byte-identical CSVs for the same params and different ones for another seed", () => {
    const small = params({ users: 300, days: 90 });
    const a = generateElearning(small);
    const b = generateElearning(small);
    expect(a.usersCsv).toBe(b.usersCsv);
    expect(a.eventsCsv).toBe(b.eventsCsv);
    expect(a.stats).toEqual(b.stats);
    const c = generateElearning({ ...small, seed: 43 });
    expect(c.eventsCsv).not.toBe(a.eventsCsv);
    expect(c.usersCsv).not.toBe(a.usersCsv);
  });

  it("writes users.csv and events.csv in the documented contract", () => {
    const p = params({ users: 300, days: 90, startDate: "2025-03-15" });
    const out = generateElearning(p);
    const users = rows(out.usersCsv);
    const events = rows(out.eventsCsv);
    expect(users.header).toBe(USERS_HEADER);
    expect(users.header).toBe("user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score");
    expect(events.header).toBe(EVENTS_HEADER);
    expect(events.header).toBe("event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount");

    // Collect violations instead of calling expect per field: ~40k rows × 15 checks
    // through expect() is seconds of overhead, and a list of bad rows is easier to read.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, row: string[]) => {
      if (!ok && problems.length < 20) problems.push(`${what}: ${row.join(",")}`);
    };

    const signup = new Map<string, string>();
    const paid = new Set<string>();
    let emptyScores = 0;
    users.rows.forEach((r, i) => {
      const [id = "", date = "", plan, isPaid, country = "", source = "", score = ""] = r;
      check(r.length === 7, "users field count", r);
      check(id === String(i + 1), "user_id is 1..N", r);
      check(DATE.test(date), "signup_date format", r);
      check(`${plan},${isPaid}` === "free,0" || `${plan},${isPaid}` === "paid,1", "plan/is_paid", r);
      check(/^[A-Z]{2}$/.test(country), "country code", r);
      check(SOURCES.has(source), "marketing_source enum", r);
      if (score === "") emptyScores++;
      else check(DECIMAL.test(score) && Number(score) > 0 && Number(score) < 1, "score in (0,1)", r);
      signup.set(id, date);
      if (plan === "paid") paid.add(id);
    });
    expect(users.rows).toHaveLength(300);
    // ~3% of 300 users = 9 expected blanks (binomial sd ≈ 3); 0 or > 24 would mean a bug.
    expect(emptyScores).toBeGreaterThan(0);
    expect(emptyScores).toBeLessThanOrEqual(24);

    const windowStart = "2025-03-15T00:00:00";
    const windowEnd = "2025-06-13T00:00:00"; // 2025-03-15 + 90 days, exclusive
    let prev = { time: "", user: 0 };
    events.rows.forEach((r, i) => {
      const [id, userId = "", time = "", type = "", course, watch = "", quiz = "", amount = ""] = r;
      check(r.length === 8, "events field count", r);
      check(id === String(i + 1), "event_id is 1..M in file order", r);
      check(INT.test(userId) && signup.has(userId), "user_id refers to a user", r);
      check(TIMESTAMP.test(time), "event_time format", r);
      check(time >= windowStart && time < windowEnd, "event_time inside the window", r);
      check(time.slice(0, 10) >= (signup.get(userId) ?? ""), "event not before signup", r);
      const user = Number(userId);
      check(time > prev.time || (time === prev.time && user >= prev.user), "sorted by time, user", r);
      prev = { time, user };
      check(EVENT_TYPES.has(type), "event_type enum", r);
      check((course === "") === !COURSE_EVENTS.has(type), "course_id only on course events", r);
      if (course) check(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(course), "course_id slug", r);
      check(DECIMAL.test(watch), "watch_minutes is a decimal", r);
      if (type !== "video_watch") check(watch === "0.0", "watch_minutes 0.0 off videos", r);
      check((quiz === "") === (type !== "quiz_attempt"), "quiz_score only on quizzes", r);
      if (quiz) check(/^\d{1,3}\.\d$/.test(quiz) && Number(quiz) <= 100, "quiz_score 0..100", r);
      check((amount === "") === !PAYMENT_EVENTS.has(type), "amount only on payments", r);
      if (amount) check(/^\d+\.\d+$/.test(amount) && Number(amount) > 0, "amount > 0", r);
      if (amount) check(paid.has(userId), "only paid users pay", r);
    });
    expect(problems).toEqual([]);
    expect(events.rows.length).toBeGreaterThan(1000);
    expect(out.stats).toMatchObject({ users: 300, events: events.rows.length, paidUsers: paid.size });
    expect(out.stats.firstEventTime).toBe(events.rows[0]![2]);
    expect(out.stats.lastEventTime).toBe(events.rows.at(-1)![2]);
  }, HEAVY_TEST_TIMEOUT_MS);

  it("carries a churn label that a linear model on simple activity features ranks with AUC > 0.9", () => {
    const p = params({ users: 1500, days: 120 });
    // As-of D = start + 60 days = 2025-03-02T00:00 (the spec's choice): features use events
    // before D; label 1 = no active day (day with any event) in the 30 days after D.
    const asOf = 60;
    const horizon = 30;
    const activeDays = new Map<number, Set<number>>();
    const eventsLast30 = new Map<number, number>();
    for (const r of rows(generateElearning(p).eventsCsv).rows) {
      const user = Number(r[1]);
      const day = dayIndex(r[2]!, p.startDate);
      if (!activeDays.has(user)) activeDays.set(user, new Set());
      activeDays.get(user)!.add(day);
      if (day < asOf && day >= asOf - 30) eventsLast30.set(user, (eventsLast30.get(user) ?? 0) + 1);
    }

    const features: number[][] = [];
    const labels: number[] = [];
    for (const [user, days] of activeDays) {
      const before = [...days].filter((d) => d < asOf);
      if (before.length === 0) continue; // only users already active before D are scored
      features.push([
        asOf - Math.max(...before), // days since last active day
        before.filter((d) => d >= asOf - 14).length, // active days in the last 14
        eventsLast30.get(user) ?? 0, // events in the last 30 days
      ]);
      labels.push([...days].some((d) => d >= asOf && d < asOf + horizon) ? 0 : 1);
    }
    const churnShare = labels.reduce((s, y) => s + y, 0) / labels.length;
    expect(churnShare).toBeGreaterThan(0.1);
    expect(churnShare).toBeLessThan(0.6);

    const scores = fitLogisticScores(features, labels, 400, 0.5);
    const auc = rocAuc(labels, scores);
    expect(auc).toBeGreaterThan(0.9);
  }, HEAVY_TEST_TIMEOUT_MS);

  it("writes about 480k events (~30 MB) at the default parameters", () => {
    const out = generateElearning(elearningSampleParams.parse({}));
    // Target from the product spec: ~480,000 rows, accepted band 440k–520k, about 30 MB.
    expect(out.stats.events).toBeGreaterThanOrEqual(440_000);
    expect(out.stats.events).toBeLessThanOrEqual(520_000);
    expect(out.eventsCsv.length / 1e6).toBeGreaterThan(25);
    expect(out.eventsCsv.length / 1e6).toBeLessThan(36);
    expect(out.stats.users).toBe(2000);
  }, HEAVY_TEST_TIMEOUT_MS);
});

describe("elearningSampleParams", () => {
  it("fills the documented defaults", () => {
    expect(elearningSampleParams.parse({})).toEqual({
      users: 2000, days: 120, startDate: "2025-01-01", seed: 42, paidRatio: 0.35, churnRate: 0.35,
    });
  });

  it("caps users × days so a sample stays small enough to generate in memory", () => {
    expect(elearningSampleParams.safeParse({ users: 25000, days: 120 }).success).toBe(true); // 3,000,000 user-days
    const tooBig = elearningSampleParams.safeParse({ users: 200000, days: 730 });
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]).toMatchObject({ path: ["users"] });
    expect(tooBig.error?.issues[0].message).toContain("3,000,000");
  });

  it("coerces numeric text from forms and rejects out-of-range or malformed values", () => {
    expect(elearningSampleParams.parse({ users: "500", churnRate: "0.2" })).toMatchObject({
      users: 500, churnRate: 0.2,
    });
    expect(elearningSampleParams.safeParse({ users: 5 }).success).toBe(false);
    expect(elearningSampleParams.safeParse({ days: 30 }).success).toBe(false);
    expect(elearningSampleParams.safeParse({ paidRatio: 1.5 }).success).toBe(false);
    expect(elearningSampleParams.safeParse({ startDate: "2025/01/01" }).success).toBe(false);
    expect(elearningSampleParams.safeParse({ startDate: "2025-02-30" }).success).toBe(false);
  });
});

/** Standardised logistic regression by batch gradient descent; returns the linear scores. */
function fitLogisticScores(x: number[][], y: number[], iterations: number, rate: number) {
  const k = x[0]!.length;
  const mean = Array.from({ length: k }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length);
  const sd = mean.map((m, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / x.length) || 1);
  const z = x.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Array<number>(k).fill(0);
  let b = 0;
  const linear = (r: number[]) => r.reduce((s, v, j) => s + v * w[j]!, b);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(k).fill(0);
    let gb = 0;
    z.forEach((r, i) => {
      const err = 1 / (1 + Math.exp(-linear(r))) - y[i]!;
      r.forEach((v, j) => (grad[j] = grad[j]! + err * v));
      gb += err;
    });
    w.forEach((wj, j) => (w[j] = wj - (rate * grad[j]!) / z.length));
    b -= (rate * gb) / z.length;
  }
  return z.map(linear);
}
