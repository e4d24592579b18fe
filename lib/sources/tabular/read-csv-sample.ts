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

/** Bounds of one sample: the web process reads it while answering the upload, so it stops early, never late. */
export const SAMPLE_MAX_CHARS = 32 << 20;
export const SAMPLE_MAX_MS = 5_000;

/**
 * Reads the header and the first `maxRows` records of a CSV stream (decoded with `encoding`), then stops reading.
 * Checks what the loader would reject later, so an upload fails at once with file and line: an empty file, a
 * header with a duplicate name, a file that is not comma-separated, a row with the wrong number of fields, binary
 * content, a field over CHURNOPS_MAX_FIELD_BYTES. Bounded: it stops (complete = false) after `maxChars` of field text
 * or `maxMs`, whichever comes first, and yields to the event loop between chunks, so a hostile file cannot hold the
 * web process (the parse itself is linear in the input).
 */
export async function readCsvSample(
  source: Readable,
  opts: { fileName: string; encoding: ResolvedEncoding; maxRows?: number; maxChars?: number; maxMs?: number },
): Promise<CsvSample> {
  const maxRows = opts.maxRows ?? SAMPLE_ROWS;
  const maxChars = opts.maxChars ?? SAMPLE_MAX_CHARS;
  const deadline = performance.now() + (opts.maxMs ?? SAMPLE_MAX_MS);
  let chars = 0;
  let header: string[] | null = null;
  const rows: string[][] = [];
  let complete = true;
  try {
    outer: for await (const chunk of csvRecords(source, opts.encoding)) {
      await new Promise((resolve) => setImmediate(resolve)); // let other requests in between chunks
      if (header && (chars > maxChars || performance.now() > deadline)) {
        complete = false;
        break;
      }
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
        for (const f of record) chars += f.length;
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      const column = e.column !== undefined && header ? `column "${header[e.column - 1] ?? e.column}": ` : "";
      throw csvError(opts.fileName, e.line, column + e.message, e);
    }
    throw e;
  } finally {
    source.destroy();
  }
  if (!header) throw csvError(opts.fileName, null, "the file is empty. Expected a header line naming the columns, then one row per customer.");
  return { header, rows, complete };
}
