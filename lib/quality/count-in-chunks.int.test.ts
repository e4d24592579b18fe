import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { lineRanges } from "../db/side-table.ts";
import { query } from "../db/sql.ts";
import { compileSuite } from "./compile-suite.ts";
import { countExpectations } from "./count-expectations.ts";
import { countExpectationsInChunks } from "./count-in-chunks.ts";
import type { ExpectationSuite } from "./expectation-types.ts";
import { tableColumns } from "./table-columns.ts";

// The chunked count (the embedded engine's) must give exactly the single scan's counts, on both engines. The table
// spans two files and many 7-line chunks; its keys repeat within a chunk, across chunks and across files, and some
// are missing, so a duplicate rank computed per chunk alone would come out wrong.
const FILES = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"];
const CHUNK = 7;

function rowsOf(file: number, lines: number) {
  return Array.from({ length: lines }, (_, i) => {
    const line = i + 2;
    const n = line * (file + 3);
    const id = n % 17 === 0 ? "" : n % 19 === 0 ? null : String(n % 23); // 23 keys over 100 rows: many repeats
    const kind = ["A", "B", "b", "Z"][n % 4];
    const amount = n % 11 === 0 ? null : (n % 130) - 10;
    const parent = n % 9 === 0 ? "9" : String(n % 3);
    return [id, kind, amount, n % 5 === 0 ? "not a date" : "2025-01-31", parent, FILES[file], line];
  });
}

const suite: ExpectationSuite = {
  name: "test.chunked",
  source: "test",
  table: "staging.dq_chunked",
  expectations: [
    { kind: "row_count_between", min: 1, reasonCode: "ROWS" },
    { kind: "not_null", column: "id", reasonCode: "ID_MISSING" },
    { kind: "unique", columns: ["id"], reasonCode: "ID_DUPLICATE" },
    { kind: "unique", columns: ["id", "kind"], reasonCode: "ID_KIND_DUPLICATE" },
    { kind: "in_set", column: "kind", values: ["A", "B"], caseInsensitive: true, reasonCode: "KIND_UNKNOWN" },
    { kind: "between", column: "amount", min: 0, max: 100, reasonCode: "AMOUNT_RANGE" },
    { kind: "parses_as", column: "d", type: "date", formats: ["YYYY-MM-DD"], reasonCode: "DATE_INVALID" },
    { kind: "foreign_key", columns: ["parent"], references: { table: "staging.dq_chunked_parent", columns: ["id"] }, reasonCode: "PARENT_UNKNOWN" },
    { kind: "share_below", where: { column: "amount", op: "<", value: 0 }, max: 0.5, reasonCode: "NEGATIVE_SHARE" },
  ],
};

describe("countExpectationsInChunks", () => {
  beforeAll(async () => {
    await query("DROP TABLE IF EXISTS staging.dq_chunked, staging.dq_chunked_parent");
    await query("CREATE TABLE staging.dq_chunked_parent (id text)");
    await query("INSERT INTO staging.dq_chunked_parent VALUES ('0'), ('1'), ('2')");
    // Keyed like the raw tables (file_id, source_line): the chunks are index ranges.
    await query("CREATE TABLE staging.dq_chunked (id text, kind text, amount float8, d text, parent text, file_id uuid, source_line int, PRIMARY KEY (file_id, source_line))");
    // File b sorts after file a, so the window's (file, line) order and the chunks' order both read a first.
    for (const [f, lines] of [[1, 40], [0, 60]] as const) {
      for (const r of rowsOf(f, lines)) await query("INSERT INTO staging.dq_chunked VALUES ($1, $2, $3, $4, $5, $6, $7)", r);
    }
  });
  afterAll(async () => {
    await query("DROP TABLE IF EXISTS staging.dq_chunked, staging.dq_chunked_parent");
  });

  it("adds up to the single scan's counts over many chunks, duplicates across chunks and files included", async () => {
    const client = await (await getDb()).pool.connect();
    try {
      const compiled = compileSuite(suite, await tableColumns(client, suite.table));
      expect((await lineRanges(client, suite.table, CHUNK)).length).toBeGreaterThan(10);
      const single = await countExpectations(client, compiled);
      const chunked = await countExpectationsInChunks(client, compiled, CHUNK);
      expect(chunked).toEqual(single);
      // The fixture does what it claims: most ids repeat, and most repeats are in another chunk than the key's first row.
      const byCode = Object.fromEntries(suite.expectations.map((e, i) => [e.reasonCode, single.byExpectation[i]]));
      expect(single.rows).toBe(100);
      expect(byCode.ID_DUPLICATE.unexpected).toBeGreaterThan(50);
      expect(byCode.ID_KIND_DUPLICATE.unexpected).toBeGreaterThan(10);
      expect(byCode.ID_DUPLICATE.element).toBeLessThan(100);
      // and it leaves no side table behind
      const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '_build_%'");
      expect(rows).toEqual([]);
    } finally {
      client.release();
    }
  });

  it("counts an empty table as the single scan does", async () => {
    await query("CREATE TABLE staging.dq_chunked_empty (LIKE staging.dq_chunked INCLUDING ALL)");
    const client = await (await getDb()).pool.connect();
    try {
      const compiled = compileSuite({ ...suite, table: "staging.dq_chunked_empty" }, await tableColumns(client, "staging.dq_chunked_empty"));
      expect(await countExpectationsInChunks(client, compiled, CHUNK)).toEqual(await countExpectations(client, compiled));
    } finally {
      client.release();
      await query("DROP TABLE IF EXISTS staging.dq_chunked_empty");
    }
  });
});
