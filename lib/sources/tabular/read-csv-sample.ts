import { trimAscii } from "../../values/trim-ascii.ts";
import type { Readable } from "node:stream";
import { assertHeaderShape, csvError, fieldCountError } from "../csv/read-csv-batches.ts";
import { CsvSyntaxError, csvRecords } from "../csv/csv-records.ts";
import type { ResolvedEncoding } from "../csv/text-encoding.ts";
import { SAMPLE_ROWS } from "./infer-column-types.ts";

export interface CsvSample {
  /** Trimmed header names, as the CSV loader matches them. */
  header: string[];
  rows: string[][];
  /** True when the sample is the whole file (rows is then the file's row count). */
  complete: boolean;
}

/**
 * Reads the header and the first `maxRows` records of a CSV stream (decoded with `encoding`), then stops reading.
 * Checks what the loader would reject later, so an upload fails at once with file and line: an empty file, a
 * header with a duplicate name, a file that is not comma-separated, a row with the wrong number of fields.
 */
export async function readCsvSample(source: Readable, opts: { fileName: string; encoding: ResolvedEncoding; maxRows?: number }): Promise<CsvSample> {
  const maxRows = opts.maxRows ?? SAMPLE_ROWS;
  let header: string[] | null = null;
  const rows: string[][] = [];
  let complete = true;
  try {
    outer: for await (const chunk of csvRecords(source, opts.encoding)) {
      for (let i = 0; i < chunk.records.length; i++) {
        const record = chunk.records[i];
        if (!header) {
          header = record.map(trimAscii);
          assertHeaderShape(header, opts.fileName);
          continue;
        }
        if (rows.length >= maxRows) {
          complete = false;
          break outer;
        }
        if (record.length !== header.length) {
          throw fieldCountError(opts.fileName, chunk.lines[i], record.length, header.length);
        }
        rows.push(record);
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw csvError(opts.fileName, e.line, e.message, e);
    throw e;
  } finally {
    source.destroy();
  }
  if (!header) throw csvError(opts.fileName, null, "the file is empty. Expected a header line naming the columns, then one row per customer.");
  return { header, rows, complete };
}
