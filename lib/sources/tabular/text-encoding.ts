import { isUtf8 } from "node:buffer";
import type { CsvEncoding } from "../csv/text-encoding.ts";
import { AppError } from "../../errors.ts";

// The encodings a tabular upload may declare (the CSV reader's). "auto" is resolved once, at upload, over the whole
// file (the reader's own "auto" sniffs the first megabyte): valid UTF-8 -> "utf-8", anything else ->
// "windows-1252" (what Excel writes; a superset of Latin-1's printable characters). The resolved value is stored
// on the dataset version, so inference and every later load decode the file the same way.

export const TABULAR_ENCODINGS = ["auto", "utf-8", "windows-1252", "latin1"] as const satisfies readonly CsvEncoding[];
export type TabularEncoding = (typeof TABULAR_ENCODINGS)[number];
export type ResolvedEncoding = Exclude<TabularEncoding, "auto">;

/** A stored encoding (ops.dataset_versions.encoding) as the reader's type; unknown values read as UTF-8. */
export function storedEncoding(value: string): ResolvedEncoding {
  return value === "windows-1252" || value === "latin1" ? value : "utf-8";
}

const ALIASES: Record<string, TabularEncoding> = {
  auto: "auto",
  "": "auto",
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  win1252: "windows-1252",
  latin1: "latin1",
  "latin-1": "latin1",
  "iso-8859-1": "latin1",
  iso88591: "latin1",
};

export function parseEncoding(value: string | null | undefined): TabularEncoding {
  const key = (value ?? "").trim().toLowerCase();
  const found = ALIASES[key];
  if (!found) {
    throw new AppError("INVALID_INPUT", `Unknown encoding "${value}". To fix: use one of ${TABULAR_ENCODINGS.join(", ")}.`, 400);
  }
  return found;
}

/**
 * Checks that a byte stream is valid UTF-8, chunk by chunk (a multi-byte character may straddle two chunks: up to
 * three trailing bytes of an unfinished character are carried over).
 */
export class Utf8Detector {
  private carry: Buffer = Buffer.alloc(0);
  private valid = true;

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      this.valid = false;
      return;
    }
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  /** True when everything pushed was valid UTF-8 (an unfinished character at the end is not). */
  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeLength(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}
