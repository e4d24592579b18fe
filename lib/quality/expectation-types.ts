// Expectation suites are data: the shape of a Great Expectations suite (kind + kwargs + mostly), plus churnops'
// severity and the reason code given to rows that break a row-level expectation.

export type Severity = "fail" | "warn";
export type Scalar = string | number | boolean;

/** A row condition, compiled to SQL with bound parameters (never spliced text). */
export type Predicate =
  | { column: string; op: "=" | "!=" | "<" | "<=" | ">" | ">="; value: Scalar }
  | { column: string; op: "in" | "not_in"; values: readonly Scalar[]; caseInsensitive?: boolean }
  | { column: string; op: "is_null" | "not_null" }
  | { all: readonly Predicate[] }
  | { any: readonly Predicate[] }
  | { not: Predicate };

/** Date/time layouts a text column may use (each compiled to a regex plus a to_date round trip). */
export type DateFormat = "YYYY-MM-DD" | "YYYY-MM-DDTHH:MI:SS" | "YYYY-MM-DD HH:MI:SS" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD-MM-YYYY" | "YYYY/MM/DD" | "YYYYMMDD";

interface ExpectationBase {
  /** Stable id within the suite (defaults to kind + columns); used in results and rejects. */
  id?: string;
  /** Code stored on rejected rows, e.g. "EVENT_TYPE_UNKNOWN". */
  reasonCode: string;
  /** Fraction of rows that must pass (default 1). */
  mostly?: number;
  /** fail: a miss stops the pipeline and its rows are rejected; warn: reported only, rows kept. */
  severity?: Severity;
  description?: string;
}

/** Row-level: each row passes or not; failing rows of fail-severity expectations go to dqm.rejects. */
export type RowExpectation = ExpectationBase &
  (
    | { kind: "not_null"; column: string }
    | { kind: "unique"; columns: readonly string[] }
    | { kind: "in_set"; column: string; values: readonly Scalar[]; caseInsensitive?: boolean }
    | { kind: "between"; column: string; min?: number | string; max?: number | string; minExclusive?: boolean; maxExclusive?: boolean }
    | { kind: "matches_regex"; column: string; pattern: string }
    | { kind: "parses_as"; column: string; type: "date" | "timestamp" | "number" | "integer"; formats?: readonly DateFormat[] }
    | { kind: "conditional"; when: Predicate; then: Predicate }
    | { kind: "foreign_key"; columns: readonly string[]; references: { table: string; columns: readonly string[] } }
    | { kind: "product_equals"; column: string; factors: readonly [string, ...string[]]; tolerance: number }
  );

/** Table-level: one observed value for the whole table. */
export type TableExpectation = ExpectationBase &
  (
    | { kind: "column_exists"; column: string }
    | { kind: "share_below"; where: Predicate; max: number }
    | { kind: "row_count_between"; min?: number; max?: number }
  );

export type Expectation = RowExpectation | TableExpectation;

export interface ExpectationSuite {
  /** e.g. "elearning.events" */
  name: string;
  /** Table validated, e.g. "raw.elearning_events"; must have file_id and source_line columns for rejects. */
  table: string;
  /** Source name written to dq runs and rejects (e.g. "elearning"). */
  source: string;
  expectations: readonly Expectation[];
}

/** The result of one expectation: the shape of a GE checkpoint result entry. */
export interface ExpectationResult {
  id: string;
  kind: Expectation["kind"];
  reasonCode: string;
  severity: Severity;
  mostly: number;
  success: boolean;
  /** Row count, share, or the fraction of passing rows, depending on the kind. */
  observedValue: number | string | boolean | null;
  /** Rows the expectation looked at (non-null values for column kinds, all rows otherwise). */
  elementCount: number;
  unexpectedCount: number;
  unexpectedPercent: number;
  /** Up to SAMPLE_SIZE failing rows as JSON (with their source line). */
  sample: Record<string, unknown>[];
  description?: string;
}

export interface SuiteResult {
  suite: string;
  table: string;
  source: string;
  /** passed: all ok; warned: only warn-severity misses; failed: a fail-severity expectation missed `mostly`. */
  status: "passed" | "warned" | "failed";
  success: boolean;
  rowCount: number;
  rejectedRows: number;
  evaluatedAt: string;
  durationMs: number;
  results: ExpectationResult[];
}

/** The id given, else kind + columns, else kind + reason code (so two conditional rules of a suite differ). */
export function expectationId(e: Expectation): string {
  if (e.id) return e.id;
  const cols = "column" in e ? e.column : "columns" in e ? e.columns.join("+") : "";
  return `${e.kind}:${cols || e.reasonCode}`;
}
