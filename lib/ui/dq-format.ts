import type { ExpectationResult } from "../quality/expectation-types.ts";
import { formatCount } from "./format.ts";

// Display formatting of data-quality results. Pure and deterministic, for server and client components alike.

/** A percent given on the 0–100 scale: "0%", "<0.01%", "0.50%", "2.5%", "100%"; "—" when not a number. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return "—";
  if (percent === 0) return "0%";
  if (percent === 100) return "100%";
  if (Math.abs(percent) < 0.01) return "<0.01%";
  return `${percent.toFixed(Math.abs(percent) < 1 ? 2 : 1)}%`;
}

/** A share given on the 0–1 scale, as a percent. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : formatPercent(share * 100);
}

/**
 * An expectation's observed value: a row count for row_count_between, a share (of passing rows, or of matching rows
 * for share_below) for the numeric others, and text (e.g. "column "x" is missing") as it is.
 */
export function formatObservedValue(r: Pick<ExpectationResult, "kind" | "observedValue">): string {
  const v = r.observedValue;
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  return r.kind === "row_count_between" ? formatCount(v) : formatShare(v);
}

/** Column names of sample rows, in first-seen order (rows may not all have the same keys). */
export function sampleColumns(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** One value of user data as plain text: strings as they are, null as empty, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** A row as compact JSON text (never markup). */
export function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}
