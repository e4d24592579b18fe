import type { Expectation, ExpectationSuite } from "../../quality/expectation-types.ts";
import { ISO_DATE_FORMATS, ISO_TIMESTAMP_FORMATS } from "../../values/date-grammar.ts";
import { ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE } from "./elearning-tables.ts";

// The e-learning contract (ARCHITECTURE §6.1) as expectation suites over the all-text raw tables. Two layers:
// - values: each typed column is present when required and parses (lib/values grammars: a finite double, an
//   integer that fits a bigint, a real calendar date/time). A row that breaks one is a reject with its reason code
//   (USER_ID_MISSING, EVENT_TIME_UNPARSEABLE, ...); `mostly` lets a few through as rejects, more means a broken
//   export and stops the gate (docs/decisions/005-unparseable-values.md).
// - business rules on the values that parsed. Ranges are written as "not below/above" conditionals so a value that
//   does not parse is judged once, by its UNPARSEABLE rule, and not a second time by its range.

/** Share of rows whose values must be present and parse. 1% bad rows is a broken export, not a few typos. */
export const VALUE_ROWS_MOSTLY = 0.99;

type ValueType = "integer" | "number" | "date" | "timestamp";

/** Presence (when required) and parse rules of one typed column, reason codes named after the column. */
function valueRules(column: string, type: ValueType, required: boolean, code = column.toUpperCase()): Expectation[] {
  const formats = type === "date" ? ISO_DATE_FORMATS : type === "timestamp" ? ISO_TIMESTAMP_FORMATS : undefined;
  return [
    ...(required ? [{ kind: "not_null", column, mostly: VALUE_ROWS_MOSTLY, reasonCode: `${code}_MISSING`, description: `${column} is present` } as const] : []),
    {
      kind: "parses_as", column, type, ...(formats ? { formats } : {}), mostly: VALUE_ROWS_MOSTLY, reasonCode: `${code}_UNPARSEABLE`,
      description: `${column} is ${type === "integer" ? "an integer that fits a bigint" : type === "number" ? "a finite number" : `a ${type} (${formats!.join(" or ")})`}${required ? "" : " when present"}`,
    },
  ];
}

/** min <= column <= max for values that are numbers (an unparseable value is its UNPARSEABLE rule's). */
function range(column: string, reasonCode: string, min?: number, max?: number, description?: string): Expectation {
  const outside = [
    ...(min === undefined ? [] : [{ column, op: "<", value: min } as const]),
    ...(max === undefined ? [] : [{ column, op: ">", value: max } as const]),
  ];
  return { id: `range:${column}`, kind: "conditional", when: { all: [] }, then: { not: { any: outside } }, reasonCode, description };
}

export const EVENT_TYPES = ["login", "course_enroll", "video_watch", "quiz_attempt", "payment_success", "payment_failed", "support_ticket"] as const;
const PAYMENTS = ["payment_success", "payment_failed"];

export const elearningUsersSuite: ExpectationSuite = {
  name: "elearning.users",
  source: "elearning",
  table: ELEARNING_USERS_TABLE,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_USERS", description: "users.csv has at least one user" },
    ...valueRules("user_id", "integer", true),
    ...valueRules("signup_date", "date", true),
    { kind: "not_null", column: "plan", mostly: VALUE_ROWS_MOSTLY, reasonCode: "PLAN_MISSING" },
    { kind: "not_null", column: "is_paid", mostly: VALUE_ROWS_MOSTLY, reasonCode: "IS_PAID_MISSING" },
    { kind: "not_null", column: "country", mostly: VALUE_ROWS_MOSTLY, reasonCode: "COUNTRY_MISSING" },
    ...valueRules("engagement_score", "number", false),
    { kind: "unique", columns: ["user_id"], reasonCode: "USER_ID_DUPLICATE", description: "user_id identifies one user" },
    { kind: "in_set", column: "plan", values: ["free", "paid"], reasonCode: "PLAN_UNKNOWN" },
    { kind: "in_set", column: "is_paid", values: [0, 1], reasonCode: "IS_PAID_INVALID" },
    { kind: "matches_regex", column: "country", pattern: "^[A-Z]{2}$", reasonCode: "COUNTRY_INVALID", description: "a 2-letter country code" },
    { kind: "not_null", column: "marketing_source", reasonCode: "MARKETING_SOURCE_MISSING" },
    range("engagement_score", "ENGAGEMENT_OUT_OF_RANGE", 0, 1, "optional, 0..1"),
  ],
};

export const elearningEventsSuite: ExpectationSuite = {
  name: "elearning.events",
  source: "elearning",
  table: ELEARNING_EVENTS_TABLE,
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "NO_EVENTS" },
    ...valueRules("event_id", "integer", true),
    ...valueRules("user_id", "integer", true, "EVENT_USER_ID"),
    ...valueRules("event_time", "timestamp", true),
    { kind: "not_null", column: "event_type", mostly: VALUE_ROWS_MOSTLY, reasonCode: "EVENT_TYPE_MISSING" },
    ...valueRules("watch_minutes", "number", true),
    ...valueRules("quiz_score", "number", false),
    ...valueRules("amount", "number", false),
    { kind: "unique", columns: ["event_id"], reasonCode: "EVENT_ID_DUPLICATE" },
    { kind: "foreign_key", columns: ["user_id"], references: { table: ELEARNING_USERS_TABLE, columns: ["user_id"] }, reasonCode: "USER_UNKNOWN", description: "every event belongs to a user in users.csv" },
    { kind: "in_set", column: "event_type", values: EVENT_TYPES, reasonCode: "EVENT_TYPE_UNKNOWN" },
    range("watch_minutes", "WATCH_MINUTES_NEGATIVE", 0),
    range("quiz_score", "QUIZ_SCORE_OUT_OF_RANGE", 0, 100, "optional, 0..100"),
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
