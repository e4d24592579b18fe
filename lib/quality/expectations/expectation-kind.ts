import type { CompileContext } from "../compile-context.ts";
import type { Expectation, ExpectationResult } from "../expectation-types.ts";
import type { SqlFragment } from "../sql-fragment.ts";

// What one expectation kind must provide (Great Expectations keeps the same three things on each Expectation class:
// the metric it needs, how a metric value is judged, and a renderer that states the rule in words).

export type ExpectationKindName = Expectation["kind"];
export type ExpectationOf<K extends ExpectationKindName> = Extract<Expectation, { kind: K }>;

/** What an expectation contributes to the suite's SQL, compiled once with all its values bound. */
export interface CompiledSql<N extends string> {
  /** Row conditions counted in the suite's one scan, each as count(*) FILTER (WHERE condition), by name. */
  counts: Readonly<Record<N, SqlFragment>>;
  /** Rows that break the expectation (row-level kinds only): sampled, and copied to dqm.rejects at fail severity. */
  failing?: SqlFragment;
}

/** The counting scan's numbers for one expectation: `rows` (every row of the table) and its own named counts. */
export type Counts<N extends string> = Readonly<Record<N | "rows", number>>;

/** The judged part of an expectation's result. */
export type Outcome = Pick<ExpectationResult, "success" | "observedValue" | "elementCount" | "unexpectedCount" | "unexpectedPercent">;

export interface ExpectationKind<K extends ExpectationKindName, N extends string = string> {
  readonly kind: K;
  /** Its SQL, reading columns through ctx (a column the table lacks throws MissingColumnError). */
  compile(e: ExpectationOf<K>, ctx: CompileContext): CompiledSql<N>;
  /** The verdict from the counts. */
  judge(e: ExpectationOf<K>, counts: Counts<N>): Outcome;
  /** The rule in words, shown where the suite gives no description. */
  describe(e: ExpectationOf<K>): string;
}

/** The share of rows that must pass, in words (" for at least 99% of rows"), or nothing when every row must. */
export function describeMostly(e: Pick<Expectation, "mostly">): string {
  return e.mostly !== undefined && e.mostly < 1 ? `, for at least ${+(e.mostly * 100).toFixed(2)}% of rows` : "";
}

/**
 * A row-level kind: each row it looks at (`element`) passes or is `unexpected`; it succeeds when the passing share
 * of the rows it looks at reaches `mostly` (default 1). Its unexpected rows are the ones sampled and rejected.
 */
export function defineRowKind<K extends ExpectationKindName>(def: {
  kind: K;
  compile(e: ExpectationOf<K>, ctx: CompileContext): { element: SqlFragment; unexpected: SqlFragment };
  describe(e: ExpectationOf<K>): string;
}): ExpectationKind<K, "element" | "unexpected"> {
  return {
    kind: def.kind,
    compile(e, ctx) {
      const { element, unexpected } = def.compile(e, ctx);
      return { counts: { element, unexpected }, failing: unexpected };
    },
    judge(e, { element, unexpected }) {
      const share = element ? unexpected / element : 0;
      // 1e-12: a share such as 0.99 must pass `mostly: 0.99` despite floating-point rounding.
      const success = 1 - share >= (e.mostly ?? 1) - 1e-12;
      return { success, observedValue: 1 - share, elementCount: element, unexpectedCount: unexpected, unexpectedPercent: share * 100 };
    },
    describe: (e) => `${def.describe(e)}${describeMostly(e)}`,
  };
}
