import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { query } from "../db/sql.ts";
import { createRun } from "../pipelines/run-store.ts";
import type { ExpectationSuite } from "./expectation-types.ts";
import { expectationKinds } from "./expectations/index.ts";
import { runSuite } from "./run-suite.ts";

// A fixture with real-export quirks (empty strings, mixed case, mixed date formats), and every expected count
// worked out by hand from these five rows (lines 2-6).
const FILE = "00000000-0000-4000-8000-000000000001";
const rows = [
  // id, kind, amount, d, code, parent
  ["1", "A", 10, "2025-01-31", "AB", "1"],
  ["2", "b", -5, "31/01/2025", "A1", "9"],
  ["2", "C", null, "2025-02-30", "CD", "1"],
  ["", "a", 0, "", null, "2"],
  ["3", "Z", 150, "not a date", "EF", null],
] as const;

const suite: ExpectationSuite = {
  name: "test.fixture",
  source: "test",
  table: "staging.dq_fixture",
  expectations: [
    { kind: "not_null", column: "id", reasonCode: "ID_MISSING" }, // L5 ("" is missing) -> 1 of 5
    { kind: "unique", columns: ["id"], reasonCode: "ID_DUPLICATE" }, // ids 1,2,2,3 -> the second "2" (L4) -> 1 of 4
    { kind: "in_set", column: "kind", values: ["A", "B", "C"], caseInsensitive: true, mostly: 0.8, reasonCode: "KIND_UNKNOWN" }, // Z -> 1 of 5, 0.8 passes
    { kind: "in_set", id: "kind-strict", column: "kind", values: ["A", "B", "C"], severity: "warn", reasonCode: "KIND_CASE" }, // b, a, Z -> 3 of 5
    { kind: "between", column: "amount", min: 0, max: 100, reasonCode: "AMOUNT_RANGE" }, // -5, 150 of 4 non-null -> 2
    { kind: "between", id: "amount-positive", column: "amount", min: 0, minExclusive: true, reasonCode: "AMOUNT_NOT_POSITIVE", severity: "warn" }, // -5, 0 -> 2 of 4
    { kind: "matches_regex", column: "code", pattern: "^[A-Z]{2}$", reasonCode: "CODE_FORMAT" }, // A1 -> 1 of 4
    { kind: "parses_as", column: "d", type: "date", formats: ["YYYY-MM-DD", "DD/MM/YYYY"], reasonCode: "DATE_INVALID" }, // 2025-02-30, "not a date" -> 2 of 4
    { kind: "conditional", when: { column: "kind", op: "in", values: ["a"], caseInsensitive: true }, then: { column: "amount", op: ">", value: 0 }, reasonCode: "A_NEEDS_AMOUNT" }, // L2 ok, L5 (0) -> 1 of 2
    { kind: "foreign_key", columns: ["parent"], references: { table: "staging.dq_parent", columns: ["id"] }, reasonCode: "PARENT_UNKNOWN" }, // 9 -> 1 of 4
    { kind: "share_below", where: { column: "amount", op: "<", value: 0 }, max: 0.1, reasonCode: "TOO_MANY_NEGATIVE" }, // 1/5 = 0.2 > 0.1
    { kind: "row_count_between", min: 1, max: 4, reasonCode: "ROW_COUNT" }, // 5 > 4
    { kind: "column_exists", column: "kind", reasonCode: "KIND_COLUMN" },
    { kind: "column_exists", column: "nope", reasonCode: "NOPE_COLUMN", severity: "warn" },
  ],
};

describe("runSuite", () => {
  let runId: string;
  afterEach(() => vi.restoreAllMocks());
  beforeAll(async () => {
    await query("DROP TABLE IF EXISTS staging.dq_fixture, staging.dq_parent");
    await query("CREATE TABLE staging.dq_parent (id text)");
    await query("INSERT INTO staging.dq_parent VALUES ('1'), ('2')");
    await query("CREATE TABLE staging.dq_fixture (id text, kind text, amount float8, d text, code text, parent text, file_id uuid, source_line int)");
    for (const [i, r] of rows.entries()) await query("INSERT INTO staging.dq_fixture VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [...r, FILE, i + 2]);
    runId = await createRun({ pipelineId: "test", params: {}, trigger: "cli", executor: "local", concurrencyKey: `test-${Date.now()}`, steps: [] });
  });

  it("counts every expectation as worked out by hand", async () => {
    const result = await runSuite(suite, { runId });
    const by = Object.fromEntries(result.results.map((r) => [r.reasonCode, [r.unexpectedCount, r.elementCount, r.success]]));
    expect(by).toEqual({
      ID_MISSING: [1, 5, false],
      ID_DUPLICATE: [1, 4, false],
      KIND_UNKNOWN: [1, 5, true],
      KIND_CASE: [3, 5, false],
      AMOUNT_RANGE: [2, 4, false],
      AMOUNT_NOT_POSITIVE: [2, 4, false],
      CODE_FORMAT: [1, 4, false],
      DATE_INVALID: [2, 4, false],
      A_NEEDS_AMOUNT: [1, 2, false],
      PARENT_UNKNOWN: [1, 4, false],
      TOO_MANY_NEGATIVE: [1, 5, false],
      ROW_COUNT: [1, 5, false],
      KIND_COLUMN: [0, 5, true],
      NOPE_COLUMN: [0, 0, false],
    });
    const share = result.results.find((r) => r.reasonCode === "TOO_MANY_NEGATIVE")!;
    expect(share.observedValue).toBeCloseTo(0.2, 12);
    const range = result.results.find((r) => r.reasonCode === "AMOUNT_RANGE")!;
    expect(range.unexpectedPercent).toBeCloseTo(50, 12);
    expect(range.sample.map((s) => s.source_line)).toEqual([3, 6]);
    expect(result.results.find((r) => r.reasonCode === "NOPE_COLUMN")!.observedValue).toBe('column "nope" is missing');
    expect(result.status).toBe("failed");
    expect(result.rowCount).toBe(5);
  });

  it("rejects the rows of fail-severity expectations with reason codes, file and line; warn ones keep their rows", async () => {
    const rejects = await query<{ reason_code: string; source_line: number; row_data: { id: string } }>(
      "SELECT reason_code, source_line, row_data FROM dqm.rejects WHERE run_id = $1 ORDER BY reason_code, source_line", [runId]);
    const lines = (code: string) => rejects.filter((r) => r.reason_code === code).map((r) => r.source_line);
    expect(lines("ID_MISSING")).toEqual([5]);
    expect(lines("ID_DUPLICATE")).toEqual([4]);
    expect(lines("KIND_UNKNOWN")).toEqual([6]); // broken rows are rejected even when the expectation passes on `mostly`
    expect(lines("AMOUNT_RANGE")).toEqual([3, 6]);
    expect(lines("DATE_INVALID")).toEqual([4, 6]);
    expect(lines("PARENT_UNKNOWN")).toEqual([3]);
    expect(lines("KIND_CASE")).toEqual([]);
    expect(lines("AMOUNT_NOT_POSITIVE")).toEqual([]);
    expect(rejects.find((r) => r.reason_code === "ID_DUPLICATE")!.row_data).toMatchObject({ id: "2", kind: "C", source_line: 4 });
    const [dq] = await query<{ status: string; rejected_rows: number }>("SELECT status, rejected_rows FROM dqm.dq_runs WHERE run_id = $1", [runId]);
    // Distinct rejected lines: 3, 4, 5, 6 (line 2 passes everything).
    expect(dq).toEqual({ status: "failed", rejected_rows: 4 });
  });

  it("replaces its own earlier results when rerun for the same pipeline run", async () => {
    const before = await query<{ n: string }>("SELECT count(*) AS n FROM dqm.rejects WHERE run_id = $1", [runId]);
    await runSuite(suite, { runId });
    const after = await query<{ n: string }>("SELECT count(*) AS n FROM dqm.rejects WHERE run_id = $1", [runId]);
    expect(after[0].n).toBe(before[0].n);
    const runs = await query<{ n: string }>("SELECT count(*) AS n FROM dqm.dq_runs WHERE run_id = $1", [runId]);
    expect(Number(runs[0].n)).toBe(1);
  });

  it("compiles each expectation exactly once per run, though it counts, samples and rejects with it", async () => {
    const spies = Object.values(expectationKinds).map((kind) => vi.spyOn(kind, "compile"));
    const result = await runSuite(suite, { runId });
    // the run did sample and reject (each of those reads the compiled SQL again)
    expect(result.results.some((r) => r.sample.length > 0) && result.rejectedRows > 0).toBe(true);
    const calls = Object.fromEntries(Object.keys(expectationKinds).map((kind, i) => [kind, spies[i].mock.calls.length]));
    const expected = Object.fromEntries(Object.keys(expectationKinds).map((kind) => [kind, suite.expectations.filter((e) => e.kind === kind).length]));
    expect(calls).toEqual(expected);
  });

  it("reads a staged copy when given a table, and reports under the suite's table", async () => {
    await query("DROP TABLE IF EXISTS staging.dq_fixture_staged");
    await query("CREATE TABLE staging.dq_fixture_staged AS SELECT * FROM staging.dq_fixture WHERE source_line IN (2, 6)");
    const result = await runSuite(suite, { table: "staging.dq_fixture_staged" });
    expect([result.rowCount, result.table]).toEqual([2, "staging.dq_fixture"]);
    const rejects = await query<{ reason_code: string; source_line: number }>(
      "SELECT reason_code, source_line FROM dqm.rejects WHERE dq_run_id = $1 ORDER BY reason_code", [result.dqRunId]);
    // only line 6 (kind Z, amount 150, "not a date") breaks a fail-severity row rule
    expect(rejects).toEqual([
      { reason_code: "AMOUNT_RANGE", source_line: 6 },
      { reason_code: "DATE_INVALID", source_line: 6 },
      { reason_code: "KIND_UNKNOWN", source_line: 6 },
    ]);
    const [dq] = await query<{ table_name: string; row_count: number }>("SELECT table_name, row_count FROM dqm.dq_runs WHERE id = $1", [result.dqRunId]);
    expect(dq).toEqual({ table_name: "staging.dq_fixture", row_count: 2 });
  });

  it("passes a clean table", async () => {
    const clean: ExpectationSuite = { ...suite, name: "test.clean", expectations: suite.expectations.filter((e) => e.reasonCode === "KIND_COLUMN") };
    const result = await runSuite(clean, {});
    expect([result.status, result.success, result.rejectedRows]).toEqual(["passed", true, 0]);
  });
});

describe("runSuite on numbers written as text", () => {
  it("treats values a double cannot hold as not numbers instead of failing the validation", async () => {
    await query("DROP TABLE IF EXISTS staging.dq_numbers");
    await query("CREATE TABLE staging.dq_numbers (v text, file_id uuid, source_line int)");
    const values = ["5", "1e400", "-1e400", "1e-400", "abc", "0", "1.5e3", "", "9999999999999999999"];
    for (const [i, v] of values.entries()) await query("INSERT INTO staging.dq_numbers VALUES ($1, $2, $3)", [v, FILE, i + 2]);
    const result = await runSuite({
      name: "test.numbers", source: "test", table: "staging.dq_numbers",
      expectations: [
        { kind: "parses_as", column: "v", type: "number", reasonCode: "NOT_NUMBER" }, // 1e400, -1e400, 1e-400, abc -> 4 of 8 non-empty
        { kind: "between", column: "v", min: 0, max: 1000, reasonCode: "RANGE" }, // the 4 above + 1.5e3 + 9999999999999999999 -> 6 of 8
        { kind: "parses_as", column: "v", type: "integer", reasonCode: "NOT_INTEGER" }, // 5, 0 pass; 19 digits does not fit a bigint -> 6 of 8
      ],
    });
    expect(result.results.map((r) => [r.reasonCode, r.unexpectedCount, r.elementCount])).toEqual([
      ["NOT_NUMBER", 4, 8],
      ["RANGE", 6, 8],
      ["NOT_INTEGER", 6, 8],
    ]);
  });
});
