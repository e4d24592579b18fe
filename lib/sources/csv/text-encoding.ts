export type CsvEncoding = "utf-8" | "windows-1252" | "latin1" | "auto";

export const CSV_ENCODINGS: readonly CsvEncoding[] = ["auto", "utf-8", "windows-1252", "latin1"];

/** How much of a file the "auto" choice looks at; spreadsheet exports declare no encoding. */
const SNIFF_BYTES = 1 << 20;

/** Valid UTF-8 in the sample (a multi-byte sequence cut at the end of the sample is not an error). */
function looksLikeUtf8(sample: Uint8Array): boolean {
  let end = sample.length;
  // Step back over a trailing, possibly incomplete, multi-byte sequence.
  for (let i = Math.max(0, end - 3); i < end; i++) if (sample[i] >= 0xc0) end = i;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the decoder: a UTF-8 BOM or valid UTF-8 in the first megabyte means UTF-8, anything else Windows-1252 (the
 * superset of Latin-1 that Excel writes; WHATWG maps "latin1" to it too). UTF-8 is decoded strictly, so a stray
 * byte later in the file is an error naming the line instead of a silent U+FFFD.
 */
export function chooseDecoder(encoding: CsvEncoding, firstBytes: Uint8Array): TextDecoder {
  if (encoding === "auto") {
    const bom = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf;
    encoding = bom || looksLikeUtf8(firstBytes.subarray(0, SNIFF_BYTES)) ? "utf-8" : "windows-1252";
  }
  return encoding === "utf-8" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : new TextDecoder("windows-1252");
}

export const SNIFF_SIZE = SNIFF_BYTES;
