import { Readable } from "node:stream";
import { csvRecords } from "../lib/sources/csv/csv-records.ts";

// Line length vs parse time of csvRecords, fed in 64 KiB chunks as files are read: linear means ms/MB stays flat.
// Run: npx tsx bench/csv-long-lines.ts [module path to compare, e.g. an older csv-records.ts]
const other = process.argv[2] ? ((await import(process.argv[2])) as { csvRecords: typeof csvRecords }).csvRecords : undefined;

async function time(parse: typeof csvRecords, mb: number): Promise<number> {
  const bytes = Buffer.concat([Buffer.from("a,b\n1,"), Buffer.alloc(mb << 20, 0x78), Buffer.from("\n")]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 64 << 10) chunks.push(bytes.subarray(i, i + (64 << 10)));
  const started = performance.now();
  for await (const _ of parse(Readable.from(chunks), "utf-8", { maxFieldBytes: 1 << 30 })) void _;
  return performance.now() - started;
}

for (const mb of [1, 2, 5, 10, 20, 40]) {
  const now = await time(csvRecords, mb);
  const before = other && mb <= 10 ? await time(other, mb) : undefined;
  console.log(`${String(mb).padStart(3)} MB line: ${now.toFixed(0).padStart(6)} ms (${(now / mb).toFixed(1)} ms/MB)${before === undefined ? "" : `   compared: ${before.toFixed(0)} ms (${(before / mb).toFixed(1)} ms/MB)`}`);
}
