import { Transform, type Readable } from "node:stream";
import crypto from "node:crypto";
import { AppError } from "../../errors.ts";
import { type CellValue, type CsvColumnSpec, FieldParseError, parseCell } from "./column-types.ts";
import { trimAscii } from "../../values/trim-ascii.ts";
import { CsvSyntaxError, csvRecords } from "./csv-records.ts";
import type { CsvEncoding } from "./text-encoding.ts";

export interface CsvBatch {
  /** Column-major values in spec order, then the source line numbers. */
  columns: CellValue[][];
  lines: number[];
  length: number;
}

export interface CsvReadStats {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ReadCsvOptions {
  fileName: string;
  columns: readonly CsvColumnSpec[];
  batchSize?: number;
  /** Text encoding of the file (default utf-8; "auto" sniffs UTF-8 vs Windows-1252). */
  encoding?: CsvEncoding;
  /** Called with bytes read so far (for progress). */
  onBytes?(bytes: number): void;
}

export function csvError(fileName: string, line: number | null, message: string, cause?: unknown): AppError {
  const where = line == null ? fileName : `${fileName} line ${line}`;
  return new AppError("CSV_INVALID", `${where}: ${message}`, 400, { cause });
}

/**
 * What no loader accepts in a header: a single column that looks split by another delimiter, or a name used twice.
 * `expected`, when the columns are known, goes into the fix hint.
 */
export function assertHeaderShape(names: readonly string[], fileName: string, expected?: readonly string[]): void {
  if (names.length === 1 && (!expected || expected.length > 1)) {
    const delimiter = [";", "\t", "|"].find((d) => names[0].includes(d));
    if (delimiter) {
      throw csvError(fileName, 1, `the header has one column; the file looks ${JSON.stringify(delimiter)}-delimited. ` +
        `To fix: save it comma-separated${expected ? ` with the columns ${expected.join(", ")}` : " (CSV)"}.`);
    }
  }
  const dupe = names.find((n, i) => names.indexOf(n) !== i);
  if (dupe !== undefined) throw csvError(fileName, 1, `column "${dupe}" appears twice in the header. To fix: rename one of them.`);
}

export function fieldCountError(fileName: string, line: number, got: number, want: number): AppError {
  return csvError(fileName, line, `has ${got} field(s), expected ${want} (one per header column).`);
}

function checkHeader(header: string[], opts: ReadCsvOptions): number[] {
  const names = header.map(trimAscii);
  const expected = opts.columns.map((c) => c.name);
  assertHeaderShape(names, opts.fileName, expected);
  const missing = expected.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !expected.includes(n));
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `missing column(s) ${missing.map((n) => `"${n}"`).join(", ")}` : "",
      extra.length ? `unexpected column(s) ${extra.map((n) => `"${n}"`).join(", ")}` : "",
    ].filter(Boolean);
    throw csvError(opts.fileName, 1, `${parts.join("; ")}. Expected exactly: ${expected.join(", ")}.`);
  }
  return opts.columns.map((c) => names.indexOf(c.name));
}

/**
 * Streams a CSV as typed column batches. Any problem (header, field count, unparsable value) throws an AppError
 * naming file, line and column, so the caller can roll back the whole load. Returns size and sha256 of the bytes.
 */
export async function* readCsvBatches(source: Readable, opts: ReadCsvOptions): AsyncGenerator<CsvBatch, CsvReadStats> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      opts.onBytes?.(bytes);
      done(null, chunk);
    },
  });
  source.on("error", (e) => meter.destroy(e));
  source.pipe(meter);
  const batchSize = opts.batchSize ?? 10_000;
  const width = opts.columns.length;
  const fresh = (): CsvBatch => ({ columns: Array.from({ length: width }, () => []), lines: [], length: 0 });
  let order: number[] | null = null;
  let header: string[] | null = null;
  let headerWidth = 0;
  let batch = fresh();
  let rows = 0;
  try {
    for await (const chunk of csvRecords(meter, opts.encoding)) {
      for (let i = 0; i < chunk.records.length; i++) {
        const record = chunk.records[i];
        const line = chunk.lines[i];
        if (!order) {
          header = record.map(trimAscii);
          order = checkHeader(record, opts);
          headerWidth = record.length;
          continue;
        }
        if (record.length !== headerWidth) {
          throw fieldCountError(opts.fileName, line, record.length, headerWidth);
        }
        for (let c = 0; c < width; c++) {
          const spec = opts.columns[c];
          const raw = record[order[c]];
          try {
            batch.columns[c].push(parseCell(raw, spec));
          } catch (e) {
            if (!(e instanceof FieldParseError)) throw e;
            const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
            throw csvError(opts.fileName, line, `column "${spec.name}": ${JSON.stringify(shown)} ${e.message}.`);
          }
        }
        batch.lines.push(line);
        batch.length++;
        rows++;
        if (batch.length >= batchSize) {
          yield batch;
          batch = fresh();
        }
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      const column = e.column !== undefined && header ? ` column "${header[e.column - 1] ?? e.column}":` : "";
      throw csvError(opts.fileName, e.line, `${column ? `${column.trim()} ` : ""}${e.message}`, e);
    }
    throw e;
  }
  if (!order) {
    throw csvError(opts.fileName, null, `the file is empty. Expected a header line: ${opts.columns.map((c) => c.name).join(",")}.`);
  }
  if (batch.length) yield batch;
  return { rows, bytes, sha256: hash.digest("hex") };
}
