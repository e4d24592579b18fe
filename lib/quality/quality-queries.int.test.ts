import { beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import type { ExpectationSuite } from "./expectation-types.ts";
import { getDqRun, iterateRejects, listDqRuns, listRejects, rejectFilterSchema } from "./quality-queries.ts";
import { runSuite } from "./run-suite.ts";

const FILE = "00000000-0000-4000-8000-0000000000aa";
// 30 rows: kind "bad" on every 3rd row (10 rows), negative amount on every 5th (6 rows).
const suite: ExpectationSuite = {
  name: "qq.items",
  source: "qq",
  table: "staging.qq_items",
  expectations: [
    { kind: "in_set", column: "kind", values: ["good"], reasonCode: "KIND_BAD" },
    { kind: "between", column: "amount", min: 0, reasonCode: "AMOUNT_NEGATIVE" },
  ],
};

describe("quality queries", () => {
  let dqRunId: string;
  beforeAll(async () => {
    await query("DROP TABLE IF EXISTS staging.qq_items");
    await query("CREATE TABLE staging.qq_items (kind text, amount float8, file_id uuid, source_line int)");
    await query(`INSERT INTO staging.qq_items SELECT CASE WHEN i % 3 = 0 THEN 'bad' ELSE 'good' END, CASE WHEN i % 5 = 0 THEN -1 ELSE 1 END, $1, i + 1
                 FROM generate_series(1, 30) AS i`, [FILE]);
    dqRunId = (await runSuite(suite)).dqRunId;
  });

  it("filters rejects by source and reason code, with counts by reason and server-side pages", async () => {
    const all = await listRejects(rejectFilterSchema.parse({ source: "qq", pageSize: 7 }));
    expect(all.total).toBe(16);
    expect(all.rows).toHaveLength(7);
    expect(all.countsByReason).toEqual([{ reasonCode: "AMOUNT_NEGATIVE", count: 6 }, { reasonCode: "KIND_BAD", count: 10 }]);
    const page3 = await listRejects(rejectFilterSchema.parse({ source: "qq", pageSize: 7, page: 3 }));
    expect(page3.rows).toHaveLength(2);
    const ids = new Set([...all.rows, ...(await listRejects(rejectFilterSchema.parse({ source: "qq", pageSize: 7, page: 2 }))).rows, ...page3.rows].map((r) => r.id));
    expect(ids.size).toBe(16); // pages do not overlap
    const kind = await listRejects(rejectFilterSchema.parse({ source: "qq", reasonCode: "KIND_BAD" }));
    expect(kind.total).toBe(10);
    expect(kind.rows.every((r) => r.row.kind === "bad" && r.sourceLine !== null)).toBe(true);
    expect(all.options.sources).toContain("qq");
  });

  it("filters by date range", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await listRejects(rejectFilterSchema.parse({ source: "qq", from: today, to: today }))).total).toBe(16);
    expect((await listRejects(rejectFilterSchema.parse({ source: "qq", to: "2000-01-01" }))).total).toBe(0);
    expect(() => rejectFilterSchema.parse({ from: "yesterday" })).toThrow(/YYYY-MM-DD/);
  });

  it("iterates every matching reject in batches for the CSV download", async () => {
    let n = 0;
    for await (const batch of iterateRejects({ source: "qq" }, 5)) n += batch.length;
    expect(n).toBe(16);
  });

  it("summarises dq runs with their worst unexpected percent", async () => {
    const { runs } = await listDqRuns({ source: "qq" });
    expect(runs[0]).toMatchObject({ id: dqRunId, status: "failed", rowCount: 30, rejectedRows: 14, failedExpectations: 2 });
    // 10 of 30 kinds are bad: 33.3%; 6 of 30 amounts negative: 20%.
    expect(runs[0].maxUnexpectedPercent).toBeCloseTo(100 / 3, 10);
    const one = await getDqRun(dqRunId);
    expect(one?.result.results.map((r) => r.unexpectedCount)).toEqual([10, 6]);
    expect(await getDqRun("not-a-uuid")).toBeNull();
  });
});
