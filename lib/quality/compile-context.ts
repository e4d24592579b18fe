import { ident } from "../db/sql.ts";
import { joinSql, raw, sql, type SqlFragment } from "./sql-fragment.ts";

export type ColumnKind = "numeric" | "text" | "temporal" | "boolean" | "other";

/** What compiling an expectation may read: the validated relation's columns and alias, and its duplicate ranks. */
export interface CompileContext {
  /** Column name -> kind, from information_schema. */
  columns: ReadonlyMap<string, ColumnKind>;
  /** Alias of the validated relation. */
  alias: string;
  /**
   * A column of the relation holding each row's rank among the rows with the same values in `columns` (in file
   * and line order), so "every row after the first of a key" is a plain row condition in every statement.
   */
  duplicateRank(columns: readonly string[]): SqlFragment;
}

export class MissingColumnError extends Error {
  constructor(readonly column: string) {
    super(`column "${column}" does not exist`);
  }
}

/** The column on the relation's alias; a column the table lacks throws MissingColumnError (the result says so). */
export function columnRef(ctx: Pick<CompileContext, "columns" | "alias">, column: string): SqlFragment {
  if (!ctx.columns.has(column)) throw new MissingColumnError(column);
  return raw(`${ctx.alias}.${ident(column)}`);
}

/** The value as trimmed text: how every text rule reads a value (exports pad values with spaces). */
export function trimmedText(ctx: CompileContext, column: string): SqlFragment {
  return sql`btrim(${columnRef(ctx, column)}::text)`;
}

/** "Missing" covers SQL NULL and, for text, the empty or blank string (real exports write "" for nulls). */
export function isMissing(ctx: CompileContext, column: string): SqlFragment {
  const ref = columnRef(ctx, column);
  return ctx.columns.get(column) === "text" ? sql`(${ref} IS NULL OR btrim(${ref}) = '')` : sql`(${ref} IS NULL)`;
}

/** Every column present: the rows a column rule looks at (a missing value is not_null's business, not theirs). */
export function allPresent(ctx: CompileContext, columns: readonly string[]): SqlFragment {
  return joinSql(columns.map((c) => sql`(NOT ${isMissing(ctx, c)})`), " AND ");
}
