import type { ExpectationSuite } from "../../quality/expectation-types.ts";
import { ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE } from "./elearning-tables.ts";

// The e-learning contract (ARCHITECTURE §6.1) as expectation suites. Types and formats are enforced by the loader
// (a bad date is an error naming file, line and column); these are the business rules on what was loaded.

export const EVENT_TYPES = ["login", "course_enroll", "video_watch", "quiz_attempt", "payment_success", "payment_failed", "support_ticket"] as const;
const PAYMENTS = ["payment_success", "payment_failed"];

export const elearningUsersSuite: ExpectationSuite = {
  name: "elearning.users",
  source: "elearning",
  table: ELEARNING_USERS_TABLE,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_USERS", description: "users.csv has at least one user" },
    { kind: "unique", columns: ["user_id"], reasonCode: "USER_ID_DUPLICATE", description: "user_id identifies one user" },
    { kind: "in_set", column: "plan", values: ["free", "paid"], reasonCode: "PLAN_UNKNOWN" },
    { kind: "in_set", column: "is_paid", values: [0, 1], reasonCode: "IS_PAID_INVALID" },
    { kind: "matches_regex", column: "country", pattern: "^[A-Z]{2}$", reasonCode: "COUNTRY_INVALID", description: "a 2-letter country code" },
    { kind: "not_null", column: "marketing_source", reasonCode: "MARKETING_SOURCE_MISSING" },
    { kind: "between", column: "engagement_score", min: 0, max: 1, reasonCode: "ENGAGEMENT_OUT_OF_RANGE", description: "optional, 0..1" },
  ],
};

export const elearningEventsSuite: ExpectationSuite = {
  name: "elearning.events",
  source: "elearning",
  table: ELEARNING_EVENTS_TABLE,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_EVENTS" },
    { kind: "unique", columns: ["event_id"], reasonCode: "EVENT_ID_DUPLICATE" },
    { kind: "foreign_key", columns: ["user_id"], references: { table: ELEARNING_USERS_TABLE, columns: ["user_id"] }, reasonCode: "USER_UNKNOWN", description: "every event belongs to a user in users.csv" },
    { kind: "in_set", column: "event_type", values: EVENT_TYPES, reasonCode: "EVENT_TYPE_UNKNOWN" },
    { kind: "between", column: "watch_minutes", min: 0, reasonCode: "WATCH_MINUTES_NEGATIVE" },
    { kind: "between", column: "quiz_score", min: 0, max: 100, reasonCode: "QUIZ_SCORE_OUT_OF_RANGE", description: "optional, 0..100" },
    {
      kind: "conditional",
      when: { column: "event_type", op: "in", values: PAYMENTS },
      then: { column: "amount", op: ">", value: 0 },
      reasonCode: "PAYMENT_AMOUNT_INVALID",
      description: "amount > 0 for payment_success and payment_failed",
    },
    {
      kind: "share_below",
      where: { all: [{ column: "event_type", op: "not_in", values: PAYMENTS }, { column: "amount", op: "not_null" }] },
      max: 0.02,
      reasonCode: "NON_PAYMENT_AMOUNT",
      description: "at most 2% of non-payment events carry an amount",
    },
    {
      kind: "conditional",
      when: { column: "event_type", op: "in", values: ["login", ...PAYMENTS] },
      then: { column: "course_id", op: "is_null" },
      severity: "warn",
      reasonCode: "COURSE_ID_UNEXPECTED",
      description: "course_id is empty for logins and payments",
    },
  ],
};

export const elearningSuites = [elearningUsersSuite, elearningEventsSuite] as const;
