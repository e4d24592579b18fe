import type { ColumnKind, CompileContext } from "../compile-context.ts";
import { raw } from "../sql-fragment.ts";
import type { ExpectationKind, ExpectationKindName, ExpectationOf } from "./expectation-kind.ts";

// Test support for the kind modules: compiles one expectation against a made-up table and renders each piece as
// a statement of its own, so a test reads the exact SQL text and the values bound to it.

export const TEST_COLUMNS: ReadonlyMap<string, ColumnKind> = new Map<string, ColumnKind>([
  ["id", "text"], ["n", "numeric"], ["s", "text"], ["at", "temporal"], ["flag", "boolean"],
]);

export function compileForTest<K extends ExpectationKindName>(kind: ExpectationKind<K>, e: ExpectationOf<K>, columns = TEST_COLUMNS) {
  const ctx: CompileContext = { columns, alias: "t", duplicateRank: (cols) => raw(`t.rank_of_${cols.join("_")}`) };
  const compiled = kind.compile(e, ctx);
  return {
    counts: Object.fromEntries(Object.entries(compiled.counts).map(([name, f]) => [name, f.toQuery()])),
    failing: compiled.failing?.toQuery(),
  };
}
