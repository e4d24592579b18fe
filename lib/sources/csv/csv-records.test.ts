import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvRecords } from "./csv-records.ts";
import type { CsvEncoding } from "./text-encoding.ts";

/** Feeds the bytes in tiny chunks so quotes, CRLFs and multi-byte characters straddle chunk boundaries. */
async function read(bytes: Buffer, encoding: CsvEncoding = "utf-8", chunkSize = 3, maxFieldBytes?: number) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const records: string[][] = [];
  const lines: number[] = [];
  for await (const chunk of csvRecords(Readable.from(chunks), encoding, { maxFieldBytes })) {
    records.push(...chunk.records);
    lines.push(...chunk.lines);
  }
  return { records, lines };
}

describe("csvRecords", () => {
  it("reads a BOM, CRLF line ends and a quoted field with a newline and escaped quotes", async () => {
    const text = '\uFEFFa,b\r\n1,"two\r\nlines ""quoted"""\r\n3,4\r\n';
    const { records, lines } = await read(Buffer.from(text, "utf8"));
    expect(records).toEqual([["a", "b"], ["1", 'two\r\nlines "quoted"'], ["3", "4"]]);
    expect(lines).toEqual([1, 2, 4]); // the quoted newline makes record 3 start on line 4
  });

  it("keeps multi-byte UTF-8 characters split across chunks intact", async () => {
    const { records } = await read(Buffer.from("city,state\nSão Paulo,Córdoba\n", "utf8"), "utf-8", 1);
    expect(records[1]).toEqual(["São Paulo", "Córdoba"]);
  });

  it("skips blank lines but counts them", async () => {
    const { records, lines } = await read(Buffer.from("a\n1\n\n2\n"));
    expect(records).toEqual([["a"], ["1"], ["2"]]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it("reads a last line without a newline", async () => {
    const { records } = await read(Buffer.from("a,b\r\n1,2"));
    expect(records).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("detects Windows-1252 text when asked to auto-detect, and decodes it correctly", async () => {
    // "José,Muñoz,€5" as Excel saves it on Windows: é=0xE9, ñ=0xF1, €=0x80
    const bytes = Buffer.concat([Buffer.from("name,last,price\n"), Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x4d, 0x75, 0xf1, 0x6f, 0x7a, 0x2c, 0x80, 0x35, 0x0a])]);
    const { records } = await read(bytes, "auto");
    expect(records[1]).toEqual(["José", "Muñoz", "€5"]);
    const named = await read(bytes, "latin1");
    expect(named.records[1]).toEqual(["José", "Muñoz", "€5"]);
  });

  it("auto-detects UTF-8 when the sample is valid UTF-8", async () => {
    const { records } = await read(Buffer.from("a\nñandú\n", "utf8"), "auto");
    expect(records[1]).toEqual(["ñandú"]);
  });

  it("reports bytes that are not UTF-8 with the line, instead of replacing them", async () => {
    const bytes = Buffer.concat([Buffer.from("a\nok\n"), Buffer.from([0x4a, 0xe9, 0x0a])]);
    await expect(read(bytes, "utf-8")).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/not valid UTF-8/) });
    await expect(read(bytes, "utf-8", 1 << 16)).rejects.toMatchObject({ line: 3 });
  });

  it("reports an unterminated quote with its line", async () => {
    await expect(read(Buffer.from('a,b\n1,"open\n2,3\n'))).rejects.toMatchObject({ line: 2 });
  });

  it("refuses a field over the byte limit with its line and field position", async () => {
    const text = 'a,b\n1,2\n3,"x\ny' + "z".repeat(100) + '"\n';
    await expect(read(Buffer.from(text), "utf-8", 7, 50)).rejects.toMatchObject({ line: 4, column: 2, message: expect.stringMatching(/field 2 is longer than 50 bytes \(CHURNOPS_MAX_FIELD_BYTES\)/) });
    // Multi-byte characters count in UTF-8 bytes: 20 "é" are 40 bytes.
    await expect(read(Buffer.from("a\n" + "é".repeat(20) + "\n"), "utf-8", 5, 39)).rejects.toMatchObject({ line: 2, column: 1 });
    expect((await read(Buffer.from("a\n" + "é".repeat(20) + "\n"), "utf-8", 5, 40)).records[1]).toEqual(["é".repeat(20)]);
  });

  it("refuses a 10 MB single line with its line and field, reading it in 64 KiB chunks as files are read", async () => {
    const line = Buffer.alloc(10 << 20, "x".charCodeAt(0));
    await expect(read(Buffer.concat([Buffer.from("a,b\n1,"), line, Buffer.from("\n")]), "utf-8", 64 << 10, 1 << 20)).rejects.toMatchObject({ line: 2, column: 2 });
  });

  it("reads a 10 MB field without the limit in time linear in its length", async () => {
    // Measured, not asserted beyond "finishes": see the report for line length vs time.
    const field = "x".repeat(10 << 20);
    const { records } = await read(Buffer.from(`a\n${field}\n`), "utf-8", 64 << 10, 64 << 20);
    expect(records[1][0].length).toBe(10 << 20);
  });

  it("refuses binary content: a NUL byte (with its line), PNG and gzip signatures", async () => {
    await expect(read(Buffer.from("a,b\n1,2\n3,\0\n"))).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/^this is not a CSV text file: it contains a NUL byte/) });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(read(png, "auto")).rejects.toThrow("this is not a CSV text file: it starts like a PNG image");
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]);
    await expect(read(gzip, "auto")).rejects.toThrow("this is not a CSV text file: it starts like gzip-compressed data");
  });
});
