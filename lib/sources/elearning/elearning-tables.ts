import type { CsvColumnSpec } from "../csv/column-types.ts";

// The e-learning contract (ARCHITECTURE §6.1) as column specs: CSV header -> raw.* column. Raw columns are text, as
// written (trimmed of ASCII whitespace; "" is NULL), like every raw table: the loader refuses only structural
// problems (header, field counts, encoding, binary content), and a value that does not parse is a reason-coded
// reject of the data gate (elearning-suites.ts), judged by `mostly` (docs/decisions/005-unparseable-values.md).
// staging.elearning_* holds the typed rows.

export const ELEARNING_USERS_TABLE = "raw.elearning_users";
export const ELEARNING_EVENTS_TABLE = "raw.elearning_events";

const text = (name: string): CsvColumnSpec => ({ name, type: "text", required: false, pgType: "text" });

export const elearningUserColumns: readonly CsvColumnSpec[] = [
  "user_id", "signup_date", "plan", "is_paid", "country", "marketing_source", "engagement_score",
].map(text);

export const elearningEventColumns: readonly CsvColumnSpec[] = [
  "event_id", "user_id", "event_time", "event_type", "course_id", "watch_minutes", "quiz_score", "amount",
].map(text);
