import { allPresent, trimmedText } from "../compile-context.ts";
import { sql } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/** A present value (trimmed) matches a POSIX regular expression. (GE: expect_column_values_to_match_regex) */
export const matchesRegex = defineRowKind({
  kind: "matches_regex",
  compile(e, ctx) {
    const element = allPresent(ctx, [e.column]);
    return { element, unexpected: sql`(${element} AND NOT (${trimmedText(ctx, e.column)} ~ ${e.pattern}))` };
  },
  describe: (e) => `${e.column} matches ${e.pattern}`,
});
