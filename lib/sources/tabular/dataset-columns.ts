import type { BinaryValues, ColumnProfile, ColumnRole, TabularColumnType } from "./infer-column-types.ts";
import { suggestRoles } from "./infer-column-types.ts";
import { sqlColumnNames } from "./tabular-names.ts";
import { describeColumn } from "./data-descriptions.ts";

/**
 * One column of a dataset version, as stored in ops.dataset_versions.columns: the inferred profile plus what the
 * user confirmed (type, role), the SQL name it has in raw/staging, and its description.
 */
export interface DatasetColumn extends ColumnProfile {
  /** Sanitised SQL name in raw.tabular_* and staging.tabular_* (lowercase [a-z0-9_], unique). */
  column: string;
  type: TabularColumnType;
  role: ColumnRole;
  description?: string;
  /** On the target column once confirmed: which value maps to 1. */
  target?: BinaryValues;
}

export const DATASET_VERSION_STATUSES = ["uploading", "draft", "confirmed", "loaded", "failed"] as const;
export type DatasetVersionStatus = (typeof DATASET_VERSION_STATUSES)[number];
export type DatasetVersionOrigin = "upload" | "cli" | "watchdog";

/** Draft columns from inferred profiles: inferred types, suggested id/target roles, descriptions when given. */
export function draftColumns(profiles: readonly ColumnProfile[], descriptions?: ReadonlyMap<string, string>): DatasetColumn[] {
  const names = sqlColumnNames(profiles.map((p) => p.name));
  const { idColumn, targetColumn } = suggestRoles(profiles);
  return profiles.map((p, i) => {
    const role: ColumnRole = p.name === idColumn ? "id" : p.name === targetColumn ? "target" : "feature";
    const description = descriptions ? describeColumn(descriptions, p.name) : undefined;
    return { ...p, column: names[i], type: p.inferredType, role, ...(description ? { description } : {}) };
  });
}

export function withDescriptions(columns: readonly DatasetColumn[], descriptions: ReadonlyMap<string, string>): DatasetColumn[] {
  return columns.map((c) => {
    const description = describeColumn(descriptions, c.name);
    return description ? { ...c, description } : c;
  });
}

export function storedColumns(json: unknown): DatasetColumn[] {
  return Array.isArray(json) ? (json as DatasetColumn[]) : [];
}
