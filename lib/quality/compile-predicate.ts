import { allPresent, columnRef, isMissing, trimmedText, type CompileContext } from "./compile-context.ts";
import type { Predicate, Scalar } from "./expectation-types.ts";
import { joinSql, raw, sql, type SqlFragment } from "./sql-fragment.ts";
import { numericRef } from "./value-sql.ts";

// Tabular staging builds its statements with the same parameter collector.
export { SqlParams } from "./sql-params.ts";

/** The comparison operators of a predicate, as SQL: a lookup rather than the operator text, so only these reach SQL. */
const COMPARISONS = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" } as const;

function comparable(ctx: CompileContext, column: string, value: Scalar): [SqlFragment, SqlFragment] {
  if (typeof value === "number") return [numericRef(ctx, column), sql`${value}::float8`];
  if (typeof value === "boolean") return [sql`${columnRef(ctx, column)}::boolean`, sql`${value}::boolean`];
  const ref = columnRef(ctx, column);
  if (ctx.columns.get(column) === "temporal") return [ref, sql`${value}::timestamp`];
  return [sql`${ref}::text`, sql`${value}::text`];
}

/** The trimmed value is one of `values` (compared as text; lower-cased on both sides when case-insensitive). */
export function inSet(ctx: CompileContext, column: string, values: readonly Scalar[], caseInsensitive = false): SqlFragment {
  const ref = trimmedText(ctx, column);
  const texts = values.map((v) => (caseInsensitive ? String(v).toLowerCase() : String(v)));
  return sql`${caseInsensitive ? sql`lower(${ref})` : ref} = ANY(${texts}::text[])`;
}

/** SQL boolean for a predicate; NULL comparisons are false (coalesced), as a data rule reads them. */
export function compilePredicate(ctx: CompileContext, p: Predicate): SqlFragment {
  if ("all" in p) return p.all.length ? sql`(${joinSql(p.all.map((q) => compilePredicate(ctx, q)), " AND ")})` : raw("TRUE");
  if ("any" in p) return p.any.length ? sql`(${joinSql(p.any.map((q) => compilePredicate(ctx, q)), " OR ")})` : raw("FALSE");
  if ("not" in p) return sql`(NOT ${compilePredicate(ctx, p.not)})`;
  switch (p.op) {
    case "is_null":
      return isMissing(ctx, p.column);
    case "not_null":
      return allPresent(ctx, [p.column]);
    case "in":
      return sql`coalesce(${inSet(ctx, p.column, p.values, p.caseInsensitive)}, FALSE)`;
    case "not_in":
      return sql`coalesce(NOT ${inSet(ctx, p.column, p.values, p.caseInsensitive)}, FALSE)`;
    default: {
      const op = COMPARISONS[p.op];
      if (!op) throw new Error(`unknown comparison "${String(p.op)}" on column "${p.column}"`);
      const [left, right] = comparable(ctx, p.column, p.value);
      return sql`coalesce(${left} ${raw(op)} ${right}, FALSE)`;
    }
  }
}
