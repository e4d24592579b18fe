import { ident } from "../db/sql.ts";

const DAY0 = "DATE '1970-01-01'";

/**
 * A feature column of relation alias `t` as lib/ml reads it, in training (loadFrame) and in SQL scoring alike:
 * numbers as float8, booleans as 0/1, dates as days since 1970-01-01, categories as text.
 */
export function featureValueSql(name: string, kind: string): string {
  const c = `t.${ident(name)}`;
  switch (kind) {
    case "numeric":
      return `${c}::float8`;
    case "boolean":
      return `${c}::int::float8`;
    case "date":
      return `(${c}::date - ${DAY0})::float8`;
    case "categorical":
      return `${c}::text`;
    default:
      throw new RangeError(`featureValueSql: unknown feature kind "${kind}" of "${name}"`);
  }
}

/** An as-of column as days since 1970-01-01 (float8), the unit of date ages. */
export function dayNumberSql(column: string): string {
  return `(t.${ident(column)}::date - ${DAY0})::float8`;
}
