import type { CompiledSuite } from "./compile-suite.ts";
import type { SuiteCounts } from "./count-expectations.ts";
import type { ExpectationResult, SuiteResult } from "./expectation-types.ts";
import { kindOf } from "./compile-suite.ts";

/**
 * Each expectation's result from the counts, by its kind's judge (samples are added later, only where rows failed).
 * An expectation whose column is missing fails with that as its observed value. Pure.
 */
export function judgeExpectations(compiled: CompiledSuite, counts: SuiteCounts): ExpectationResult[] {
  return compiled.expectations.map((c, i) => {
    const e = c.expectation;
    const kind = kindOf(e);
    const base = {
      id: c.id, kind: e.kind, reasonCode: e.reasonCode, severity: e.severity ?? "fail", mostly: e.mostly ?? 1,
      description: e.description ?? kind.describe(e), sample: [],
    } satisfies Partial<ExpectationResult>;
    if (c.missingColumn) {
      return { ...base, success: false, observedValue: `column "${c.missingColumn}" is missing`, elementCount: 0, unexpectedCount: 0, unexpectedPercent: 0 };
    }
    return { ...base, ...kind.judge(e, { ...counts.byExpectation[i], rows: counts.rows }) };
  });
}

/** passed: all ok; warned: only warn-severity misses; failed: a fail-severity expectation missed. */
export function suiteStatus(results: readonly ExpectationResult[]): SuiteResult["status"] {
  if (results.some((r) => !r.success && r.severity === "fail")) return "failed";
  return results.some((r) => !r.success) ? "warned" : "passed";
}
