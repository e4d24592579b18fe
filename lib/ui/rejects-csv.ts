import type { RejectRow } from "../quality/quality-queries.ts";
import { csvLine } from "./csv-cell.ts";
import { csvStream } from "./csv-stream.ts";

// The rejects download: every cell goes through csvCell, so text a spreadsheet would run as a formula
// (= + - @ at the start) is neutralised, wherever it comes from.

export const REJECTS_CSV_HEADER = ["id", "created_at", "source", "suite", "expectation_id", "reason_code", "source_file", "source_line", "run_id", "row_json"] as const;

export function rejectsCsvHeader(): string {
  return csvLine(REJECTS_CSV_HEADER);
}

/** One CSV record per reject (the row itself as compact JSON in the last column). */
export function rejectsCsvLines(rows: readonly RejectRow[]): string {
  return rows
    .map((r) => csvLine([r.id, r.createdAt, r.source, r.suite, r.expectationId, r.reasonCode, r.sourceFile, r.sourceLine, r.runId, JSON.stringify(r.row)]))
    .join("");
}

/** A CSV document streamed from batches of rejects: the header first, then one chunk per batch. */
export function rejectsCsvStream(batches: AsyncIterator<RejectRow[]>, onError?: (e: unknown) => void): ReadableStream<Uint8Array> {
  return csvStream(REJECTS_CSV_HEADER, rejectsCsvLines, batches, onError);
}
