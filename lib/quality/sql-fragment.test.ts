import { describe, expect, it } from "vitest";
import { SqlParams } from "./sql-params.ts";
import { joinSql, raw, sql } from "./sql-fragment.ts";

describe("sql", () => {
  it("binds interpolated values and inlines nested fragments, numbering placeholders only when a statement renders", () => {
    const piece = sql`t."a" = ${"x"} AND t."b" > ${2}`;
    expect(sql`SELECT count(*) FILTER (WHERE ${piece}) FROM t WHERE ${piece}`.toQuery()).toEqual({
      text: `SELECT count(*) FILTER (WHERE t."a" = $1 AND t."b" > $2) FROM t WHERE t."a" = $3 AND t."b" > $4`,
      values: ["x", 2, "x", 2],
    });
    // the same piece in another statement starts again at $1
    const p = new SqlParams();
    p.add("run-id");
    expect([sql`INSERT … WHERE ${piece}`.render(p), p.values]).toEqual([`INSERT … WHERE t."a" = $2 AND t."b" > $3`, ["run-id", "x", 2]]);
  });

  it("never turns a value into SQL text, whatever it holds", () => {
    const evil = "'); DROP TABLE raw.users; --";
    expect(sql`SELECT ${evil}`.toQuery()).toEqual({ text: "SELECT $1", values: [evil] });
    expect(sql`SELECT ${["a", "b"]}::text[]`.toQuery()).toEqual({ text: "SELECT $1::text[]", values: [["a", "b"]] });
  });

  it("takes trusted text through raw and joins fragments with a separator", () => {
    expect(joinSql([raw("TRUE"), sql`x = ${1}`, raw("FALSE")], " OR ").toQuery()).toEqual({ text: "TRUE OR x = $1 OR FALSE", values: [1] });
    expect(joinSql([], " AND ").toQuery()).toEqual({ text: "", values: [] });
  });
});
