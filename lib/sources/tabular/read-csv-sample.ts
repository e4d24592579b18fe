import type { Readable } from "node:stream";
import { csvError } from "../csv/read-csv-batches.ts";
import { CsvSyntaxError, csvRecords } from "../csv/csv-records.ts";
import type { ResolvedEncoding } from "./text-encoding.ts";
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
          header = checkHeader(record.map((h) => h.trim()), opts.fileName);
          continue;
        }
        if (rows.length >= maxRows) {
          complete = false;
          break outer;
        }
        if (record.length !== header.length) {
          throw csvError(opts.fileName, chunk.lines[i], `has ${record.length} field(s), expected ${header.length} (one per header column).`);
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

function checkHeader(names: string[], fileName: string): string[] {
  if (names.length === 1) {
    const delimiter = [";", "\t", "|"].find((d) => names[0].includes(d));
    if (delimiter) {
      throw csvError(fileName, 1, `the header has one column; the file looks ${JSON.stringify(delimiter)}-delimited. To fix: save it comma-separated (CSV).`);
    }
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw csvError(fileName, 1, `column "${n}" appears twice in the header. To fix: rename one of them.`);
    seen.add(n);
  }
  return names;
}
