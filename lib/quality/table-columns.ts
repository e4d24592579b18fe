import type { Queryable } from "../db/sql.ts";
import type { ColumnKind } from "./compile-context.ts";

/** How a rule reads a column of this information_schema data type. */
export function columnKind(dataType: string): ColumnKind {
  if (/int|numeric|double|real|decimal/.test(dataType)) return "numeric";
  if (/char|text/.test(dataType)) return "text";
  if (/date|time/.test(dataType)) return "temporal";
  if (dataType === "boolean") return "boolean";
  return "other";
}

/** The columns of a schema-qualified table ("raw.elearning_events") with their kinds. */
export async function tableColumns(client: Queryable, table: string): Promise<Map<string, ColumnKind>> {
  const [schema, name] = table.split(".");
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2", [schema, name]);
  if (!rows.length) throw new Error(`table ${table} does not exist`);
  return new Map(rows.map((r) => [r.column_name, columnKind(r.data_type)]));
}
