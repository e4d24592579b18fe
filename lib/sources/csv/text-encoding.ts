import { isUtf8 } from "node:buffer";
import { AppError } from "../../errors.ts";

/** The encodings a CSV may be read with; "auto" tells UTF-8 from Windows-1252. */
export const CSV_ENCODINGS = ["auto", "utf-8", "windows-1252", "latin1"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export type ResolvedEncoding = Exclude<CsvEncoding, "auto">;

/** How much of a file the reader's "auto" looks at; spreadsheet exports declare no encoding. */
export const SNIFF_SIZE = 1 << 20;

const ALIASES: Record<string, CsvEncoding> = {
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

/** A user's encoding name (form field, --encoding), with the common aliases. */
export function parseEncoding(value: string | null | undefined): CsvEncoding {
  const found = ALIASES[(value ?? "").trim().toLowerCase()];
  if (!found) {
    throw new AppError("INVALID_INPUT", `Unknown encoding "${value}". To fix: use one of ${CSV_ENCODINGS.join(", ")}.`, 400);
  }
  return found;
}

/** A stored encoding (ops.dataset_versions.encoding) as the reader's type; unknown values read as UTF-8. */
export function storedEncoding(value: string): ResolvedEncoding {
  return value === "windows-1252" || value === "latin1" ? value : "utf-8";
}

/**
 * Checks that a byte stream is valid UTF-8, chunk by chunk (a multi-byte character may straddle two chunks: up to
 * three trailing bytes of an unfinished character are carried over).
 */
export class Utf8Detector {
  private carry: Buffer = Buffer.alloc(0);
  private valid = true;

  push(chunk: Uint8Array): void {
    if (!this.valid) return;
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const cut = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      this.valid = false;
      return;
    }
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  /** True while everything pushed so far is valid UTF-8 (an unfinished last character still may be). */
  validSoFar(): boolean {
    return this.valid;
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

/**
 * Picks the decoder: a UTF-8 BOM or valid UTF-8 in the first megabyte means UTF-8, anything else Windows-1252 (the
 * superset of Latin-1 that Excel writes; WHATWG maps "latin1" to it too). UTF-8 is decoded strictly, so a stray
 * byte later in the file is an error naming the line instead of a silent U+FFFD.
 */
export function chooseDecoder(encoding: CsvEncoding, firstBytes: Uint8Array): TextDecoder {
  if (encoding === "auto") {
    const bom = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf;
    const sniff = new Utf8Detector();
    sniff.push(firstBytes.subarray(0, SNIFF_SIZE));
    encoding = bom || sniff.validSoFar() ? "utf-8" : "windows-1252";
  }
  return encoding === "utf-8" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : new TextDecoder("windows-1252");
}
