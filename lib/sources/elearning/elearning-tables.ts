import type { CsvColumnSpec } from "../csv/column-types.ts";

// The e-learning contract (ARCHITECTURE §6.1) as column specs: CSV header -> raw.* column and type.
// Business rules (enums, ranges, amount only on payments) are the quality suite's job, not the loader's.

export const ELEARNING_USERS_TABLE = "raw.elearning_users";
export const ELEARNING_EVENTS_TABLE = "raw.elearning_events";

export const elearningUserColumns: readonly CsvColumnSpec[] = [
  { name: "user_id", type: "integer", required: true, pgType: "bigint" },
  { name: "signup_date", type: "date", required: true, pgType: "date" },
  { name: "plan", type: "text", required: true, pgType: "text" },
  { name: "is_paid", type: "integer", required: true, pgType: "smallint" },
  { name: "country", type: "text", required: true, pgType: "text" },
  { name: "marketing_source", type: "text", required: true, pgType: "text" },
  { name: "engagement_score", type: "number", required: false, pgType: "double precision" },
];

export const elearningEventColumns: readonly CsvColumnSpec[] = [
  { name: "event_id", type: "integer", required: true, pgType: "bigint" },
  { name: "user_id", type: "integer", required: true, pgType: "bigint" },
  { name: "event_time", type: "timestamp", required: true, pgType: "timestamp" },
  { name: "event_type", type: "text", required: true, pgType: "text" },
  { name: "course_id", type: "text", required: false, pgType: "text" },
  { name: "watch_minutes", type: "number", required: true, pgType: "double precision" },
  { name: "quiz_score", type: "number", required: false, pgType: "double precision" },
  { name: "amount", type: "number", required: false, pgType: "double precision" },
];
