import type { Expectation, ExpectationSuite } from "../../quality/expectation-types.ts";
import type { DatasetColumn } from "./dataset-columns.ts";
import { rawTableName } from "./tabular-names.ts";

// The expectation suite of one confirmed dataset version, generated from its column types (suites are data).
//
// Severity and `mostly`, decided here:
// - A row that cannot be typed (a number column holding "abc", a date that is no date, a boolean outside its pair)
//   is rejected (dqm.rejects, with a reason code naming the column) and left out of staging. Up to 1% of rows may
//   be rejected per check (mostly 0.99): a few broken rows in an export should not stop a load, but more than
//   that means the confirmed type is wrong, and the gate stops the run so the user can fix the types.
// - The id must be present and unique (mostly 0.99: later duplicates and rows without an id are rejected).
// - The target must be present (mostly 0.99: unlabelled rows are rejected) and one of its two values in every
//   row (mostly 1: a third label means the column is not the binary target the user confirmed).
// - A categorical value not seen at upload is a warning only: reported, the row is kept (ARCHITECTURE §6.2/6.3).
// - At least MIN_ROWS rows.

export const MIN_ROWS = 10;
export const TYPED_MOSTLY = 0.99;

const code = (c: DatasetColumn, what: string) => `${c.column.toUpperCase()}_${what}`;

export function tabularSuiteName(slug: string, version: number): string {
  return `tabular.${slug}.v${version}`;
}

export function tabularSource(slug: string): string {
  return `tabular:${slug}`;
}

export function tabularSuite(v: { slug: string; version: number; columns: readonly DatasetColumn[] }): ExpectationSuite {
  const expectations: Expectation[] = [
    { kind: "row_count_between", min: MIN_ROWS, reasonCode: "TOO_FEW_ROWS", description: `at least ${MIN_ROWS} rows` },
  ];
  for (const c of v.columns) {
    if (c.role === "ignore") continue;
    if (c.role === "id") {
      expectations.push(
        { kind: "not_null", column: c.column, mostly: TYPED_MOSTLY, reasonCode: "ID_MISSING", description: `every row has an id (${c.name})` },
        { kind: "unique", columns: [c.column], mostly: TYPED_MOSTLY, reasonCode: "ID_DUPLICATE", description: `${c.name} identifies one customer (later duplicates are rejected)` },
      );
      continue;
    }
    if (c.role === "target") {
      const t = c.target;
      if (!t) throw new Error(`the target column "${c.name}" has no confirmed values; confirm the version first`);
      expectations.push({ kind: "not_null", column: c.column, mostly: TYPED_MOSTLY, reasonCode: "TARGET_MISSING", description: `every row is labelled (${c.name})` });
      expectations.push(
        t.numeric
          ? {
              kind: "conditional",
              id: `target_values:${c.column}`,
              when: { column: c.column, op: "not_null" },
              then: { any: [{ column: c.column, op: "=", value: Number(t.positive) }, { column: c.column, op: "=", value: Number(t.negative) }] },
              reasonCode: "TARGET_NOT_BINARY",
              description: `${c.name} is ${t.positive} or ${t.negative}`,
            }
          : { kind: "in_set", column: c.column, values: [t.positive, t.negative], caseInsensitive: true, reasonCode: "TARGET_NOT_BINARY", description: `${c.name} is "${t.positive}" or "${t.negative}"` },
      );
      continue;
    }
    switch (c.type) {
      case "numeric":
        expectations.push({ kind: "parses_as", column: c.column, type: "number", mostly: TYPED_MOSTLY, reasonCode: code(c, "NOT_NUMERIC"), description: `${c.name} is a number` });
        break;
      case "boolean":
        if (c.booleanPair) {
          expectations.push({
            kind: "in_set", column: c.column, values: [c.booleanPair.true, c.booleanPair.false], caseInsensitive: true, mostly: TYPED_MOSTLY,
            reasonCode: code(c, "NOT_BOOLEAN"), description: `${c.name} is ${c.booleanPair.true}/${c.booleanPair.false}`,
          });
        }
        break;
      case "date":
        if (c.dateFormat) {
          expectations.push({ kind: "parses_as", column: c.column, type: "date", formats: [c.dateFormat], mostly: TYPED_MOSTLY, reasonCode: code(c, "BAD_DATE"), description: `${c.name} is a date ${c.dateFormat}` });
        }
        break;
      case "categorical":
        if (c.categories?.length) {
          expectations.push({
            kind: "in_set", column: c.column, values: c.categories, caseInsensitive: true, severity: "warn",
            reasonCode: code(c, "NEW_CATEGORY"), description: `${c.name} is one of the ${c.categories.length} categories seen at upload (a new one is reported, the row kept)`,
          });
        }
        break;
      case "text":
        break;
    }
  }
  return { name: tabularSuiteName(v.slug, v.version), table: rawTableName(v.slug, v.version), source: tabularSource(v.slug), expectations };
}
