import type { IngestedFileView } from "../sources/raw-data-queries.ts";
import { csvLine } from "./csv-cell.ts";

const HEADER = ["id", "created_at", "source", "name", "table_name", "rows", "bytes", "sha256", "duration_ms", "artifact_key", "run_id", "status", "error"];

/** Ingested files as a CSV document, safe to open in a spreadsheet. */
export function ingestedFilesToCsv(files: readonly IngestedFileView[]): string {
  const lines = files.map((f) => csvLine([f.id, f.createdAt, f.source, f.name, f.tableName, f.rows, f.bytes, f.sha256, f.durationMs, f.artifactKey, f.runId, f.status, f.error]));
  return csvLine(HEADER) + lines.join("");
}
