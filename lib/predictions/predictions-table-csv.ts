import { csvLine } from "../ui/csv-cell.ts";
import { csvStream } from "../ui/csv-stream.ts";
import type { PredictionRowView } from "./run-predictions.ts";

// The /predictions table as a CSV: the filtered rows with their reasons spread over columns (not JSON), every cell
// through csvCell so an id such as "=HYPERLINK(...)" is neutralised before a spreadsheet opens the file.

const REASONS = 3;

export const PREDICTIONS_TABLE_CSV_HEADER = [
  "rank", "entity_id", "as_of", "probability", "risk_band",
  ...Array.from({ length: REASONS }, (_, i) => [`reason_${i + 1}_feature`, `reason_${i + 1}_value`, `reason_${i + 1}_contribution`]).flat(),
] as const;

export function predictionsTableCsvLines(rows: readonly PredictionRowView[]): string {
  return rows
    .map((r) => {
      const reasons = Array.from({ length: REASONS }, (_, i) => {
        const x = r.reasons?.[i];
        return x ? [x.feature, x.value, x.contribution] : [null, null, null];
      }).flat();
      return csvLine([r.rank, r.entityId, r.asOf, r.probability, r.riskBand, ...reasons]);
    })
    .join("");
}

/** Header first, then one chunk per batch; an error mid-way aborts the body so a cut file never looks complete. */
export function predictionsTableCsvStream(batches: AsyncIterator<PredictionRowView[]>, onError?: (e: unknown) => void): ReadableStream<Uint8Array> {
  return csvStream(PREDICTIONS_TABLE_CSV_HEADER, predictionsTableCsvLines, batches, onError);
}
