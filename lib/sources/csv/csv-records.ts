import type { Readable } from "node:stream";
import Papa from "papaparse";
import { chooseDecoder, SNIFF_SIZE, type CsvEncoding } from "./text-encoding.ts";

export interface RecordChunk {
  records: string[][];
  /** Line number (1-based, of the record's first line) for each record. */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** Index of the last newline that ends a record (not inside quotes), or -1. */
function lastRecordBoundary(text: string): number {
  if (!text.includes('"')) return text.lastIndexOf("\n");
  let inQuotes = false;
  let boundary = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes; // an escaped "" toggles twice: no net change
    else if (c === 10 && !inQuotes) boundary = i;
  }
  return boundary;
}

/**
 * Streams CSV records (RFC 4180: quotes, quoted newlines, CRLF, BOM) with the line each starts on. papaparse
 * parses each complete segment synchronously: 4-15x faster here than csv-parse's stream and than papaparse's own
 * Node stream mode (measured on the 480k-row events file: 0.26 s vs 1.3-3.9 s and 8.2 s).
 */
export async function* csvRecords(source: Readable, encoding: CsvEncoding = "utf-8"): AsyncGenerator<RecordChunk> {
  let decoder: TextDecoder | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new CsvSyntaxError(line, `the file is not valid UTF-8 near this line. To fix: save it as UTF-8, or name its encoding (e.g. --encoding windows-1252).`);
    }
  };
  let carry = "";
  let line = 1;
  let newline: "\n" | "\r\n" | undefined;
  let first = true;

  function parseSegment(segment: string): RecordChunk {
    const result = Papa.parse<string[]>(segment, { newline, delimiter: ",", quoteChar: '"', skipEmptyLines: false });
    const firstError = result.errors[0];
    const records: string[][] = [];
    const lines: number[] = [];
    const hasQuotes = segment.includes('"');
    for (const [i, record] of result.data.entries()) {
      if (firstError && firstError.row === i) {
        throw new CsvSyntaxError(line, `${firstError.message} (${firstError.code})`);
      }
      const start = line;
      line += 1;
      if (hasQuotes) for (const field of record) for (let p = field.indexOf("\n"); p !== -1; p = field.indexOf("\n", p + 1)) line++;
      if (record.length === 1 && record[0] === "") continue; // blank line
      records.push(record);
      lines.push(start);
    }
    return { records, lines };
  }

  async function* chunks(): AsyncGenerator<string> {
    for await (const raw of source) {
      const bytes = typeof raw === "string" ? Buffer.from(raw) : (raw as Buffer);
      if (!decoder) {
        // Collect enough bytes to sniff the encoding before decoding anything.
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes < SNIFF_SIZE) continue;
        const head = Buffer.concat(pending);
        pending = [];
        decoder = chooseDecoder(encoding, head);
        yield decode(head, true);
        continue;
      }
      yield decode(bytes, true);
    }
    if (!decoder) {
      const head = Buffer.concat(pending);
      decoder = chooseDecoder(encoding, head);
      yield decode(head, true);
    }
    yield decode(new Uint8Array(0), false);
  }

  for await (const chunk of chunks()) {
    let text = carry + chunk;
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const nl = text.indexOf("\n");
      if (nl === -1 && text.length < 1 << 20) {
        carry = text;
        continue;
      }
      newline = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
      first = false;
    }
    const boundary = lastRecordBoundary(text);
    if (boundary === -1) {
      carry = text;
      continue;
    }
    carry = text.slice(boundary + 1);
    const end = newline === "\r\n" && text[boundary - 1] === "\r" ? boundary - 1 : boundary;
    const parsed = parseSegment(text.slice(0, end));
    if (parsed.records.length) yield parsed;
  }
  let rest = carry;
  if (first && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
  newline ??= rest.includes("\r\n") ? "\r\n" : "\n";
  if (rest.endsWith("\r")) rest = rest.slice(0, -1);
  if (rest.length) {
    const parsed = parseSegment(rest);
    if (parsed.records.length) yield parsed;
  }
}
