import { ident } from "../../db/sql.ts";
import { allPresent, columnRef } from "../compile-context.ts";
import { joinSql, raw, sql } from "../sql-fragment.ts";
import { defineRowKind } from "./expectation-kind.ts";

/** A present key exists in another table (every event belongs to a known user). (GE: no core equivalent) */
export const foreignKey = defineRowKind({
  kind: "foreign_key",
  compile(e, ctx) {
    if (e.columns.length !== e.references.columns.length) {
      throw new Error(`foreign_key on (${e.columns.join(", ")}) names ${e.references.columns.length} referenced columns; give one per column`);
    }
    const element = allPresent(ctx, e.columns);
    const match = joinSql(e.columns.map((c, i) => sql`${raw(`r.${ident(e.references.columns[i])}`)} = ${columnRef(ctx, c)}`), " AND ");
    return { element, unexpected: sql`(${element} AND NOT EXISTS (SELECT 1 FROM ${raw(ident(e.references.table))} r WHERE ${match}))` };
  },
  describe: (e) => `${e.columns.join(", ")} exists in ${e.references.table} (${e.references.columns.join(", ")})`,
});
