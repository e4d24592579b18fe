import type { RunSummary } from "../pipelines/run-queries.ts";
import { csvLine } from "./csv-cell.ts";

const HEADER = ["id", "pipeline_id", "status", "trigger", "executor", "created_at", "started_at", "finished_at", "duration_ms", "progress", "failure_kind", "error_message"];

/** Runs as a CSV document (header + one line per run), safe to open in a spreadsheet. */
export function runsToCsv(runs: readonly RunSummary[]): string {
  const lines = runs.map((r) =>
    csvLine([r.id, r.pipelineId, r.status, r.trigger, r.executor, r.createdAt, r.startedAt, r.finishedAt, r.durationMs, r.progress, r.failureKind, r.errorMessage]),
  );
  return csvLine(HEADER) + lines.join("");
}
