import crypto from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE, elearningEventColumns, elearningUserColumns } from "./elearning/elearning-tables.ts";
import { replaceTablesFromCsv, type CsvFileToLoad, type StagedLoad } from "./replace-tables-from-csv.ts";

const USERS = "user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score\n";
const EVENTS = "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount\n";
const goodUsers = USERS + "1,2024-12-01,free,0,US,organic,0.5\n2,2024-12-02,paid,1,BR,email,\n";
const goodEvents = EVENTS + "1,1,2025-01-06T22:39:00,login,,0.0,,\n2,2,2025-01-07T10:00:00,video_watch,k8s-mastery,36.607611756862205,,\n";

const file = (fileName: string, text: string | Buffer): CsvFileToLoad => ({
  source: "test",
  fileName,
  table: fileName.startsWith("users") ? ELEARNING_USERS_TABLE : ELEARNING_EVENTS_TABLE,
  columns: fileName.startsWith("users") ? elearningUserColumns : elearningEventColumns,
  open: async () => Readable.from([typeof text === "string" ? Buffer.from(text) : text]),
});

/** A content checksum of both raw tables (every column of every row, in file order). */
async function checksums() {
  const [r] = await query<{ u: string; e: string }>(
    `SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.user_id, t.source_line), '')) FROM raw.elearning_users t) AS u,
            (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.event_id, t.source_line), '')) FROM raw.elearning_events t) AS e`);
  return r;
}

/** The ops.ingested_files rows written while `fn` ran. */
async function fileRowsWrittenBy(fn: () => Promise<unknown>) {
  const before = new Set((await query<{ id: string }>("SELECT id::text FROM ops.ingested_files")).map((r) => r.id));
  await fn();
  const after = await query<{ id: string; name: string; status: string; error: string | null; rows: number }>(
    "SELECT id::text, name, status, error, rows FROM ops.ingested_files ORDER BY name");
  return after.filter((r) => !before.has(r.id)).map(({ id: _id, ...r }) => r);
}

async function counts() {
  const [r] = await query<{ u: string; e: string }>(
    "SELECT (SELECT count(*) FROM raw.elearning_users) AS u, (SELECT count(*) FROM raw.elearning_events) AS e");
  return [Number(r.u), Number(r.e)];
}

describe("replaceTablesFromCsv", () => {
  beforeAll(async () => {
    await replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", goodEvents)]);
  });

  it("loads values as written (trimmed of ASCII whitespace, empty as NULL), with their source lines", async () => {
    const rows = await query<{ watch_minutes: string; event_time: string; source_line: number; course_id: string | null }>(
      "SELECT watch_minutes, event_time, source_line, course_id FROM raw.elearning_events ORDER BY event_id");
    expect(rows).toEqual([
      { watch_minutes: "0.0", event_time: "2025-01-06T22:39:00", source_line: 2, course_id: null },
      { watch_minutes: "36.607611756862205", event_time: "2025-01-07T10:00:00", source_line: 3, course_id: "k8s-mastery" },
    ]);
    expect(await counts()).toEqual([2, 2]);
  });

  // Structural problems fail the whole load; values that do not parse are the data gate's (rejects, `mostly`).
  const bad: [string, string, RegExp][] = [
    ["a missing column", "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score\n1,1,2025-01-06T22:39:00,login,,0.0,\n", /events\.csv line 1: missing column\(s\) "amount"/],
    ["an extra column", EVENTS.trim() + ",extra\n1,1,2025-01-06T22:39:00,login,,0.0,,,x\n", /unexpected column\(s\) "extra"/],
    ["a wrong delimiter", EVENTS.replaceAll(",", ";") + "1;1;2025-01-06T22:39:00;login;;0.0;;\n", /looks ";"-delimited/],
    ["a short row", EVENTS + "1,1,2025-01-06T22:39:00,login\n", /events\.csv line 2: has 4 field\(s\), expected 8/],
    ["an empty file", "", /events\.csv: the file is empty/],
    ["a NUL byte", EVENTS + "1,1,2025-01-06T22:39:00,lo\0gin,,0.0,,\n", /events\.csv line 2: this is not a CSV text file: it contains a NUL byte/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with file and line, leaving both tables unchanged`, async () => {
      const before = await checksums();
      // users.csv is valid and loads first: the whole load must still roll back.
      const written = await fileRowsWrittenBy(() =>
        expect(replaceTablesFromCsv([file("users.csv", USERS + "9,2024-12-01,free,0,US,organic,0.1\n"), file("events.csv", text)])).rejects.toThrow(message));
      expect(await checksums()).toEqual(before);
      // Nothing was replaced, but the attempt is on record: both files, failed, with the reason (file and line).
      expect(written).toEqual([
        { name: "events.csv", status: "failed", error: expect.stringMatching(message), rows: 0 },
        { name: "users.csv", status: "failed", error: expect.stringMatching(message), rows: 1 },
      ]);
    });
  }

  it("loads values that do not parse as they are (the gate turns them into rejects)", async () => {
    const odd = EVENTS + "1,1,2026-13-45T99:00:00,login,,1e400,,\n12345678901234567890,1,2025-01-06T22:39:00,login,,NaN,,\n";
    await replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", odd)]);
    const rows = await query<{ event_id: string; event_time: string; watch_minutes: string }>("SELECT event_id, event_time, watch_minutes FROM raw.elearning_events ORDER BY source_line");
    expect(rows).toEqual([
      { event_id: "1", event_time: "2026-13-45T99:00:00", watch_minutes: "1e400" },
      { event_id: "12345678901234567890", event_time: "2025-01-06T22:39:00", watch_minutes: "NaN" },
    ]);
    const written = await fileRowsWrittenBy(() => replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", goodEvents)]));
    expect(written).toEqual([
      { name: "events.csv", status: "loaded", error: null, rows: 2 },
      { name: "users.csv", status: "loaded", error: null, rows: 2 },
    ]);
  });

  it("refuses bytes that differ from the recorded sha256 before the swap, leaving both tables unchanged", async () => {
    const before = await checksums();
    const recorded = crypto.createHash("sha256").update("something else").digest("hex");
    const events = { ...file("events.csv", goodEvents + "3,1,2025-01-08T10:00:00,login,,0.0,,\n"), expectedSha256: recorded };
    await expect(replaceTablesFromCsv([file("users.csv", goodUsers), events])).rejects.toThrow(/events\.csv changed since it was stored: sha256 recorded/);
    expect(await checksums()).toEqual(before);
  });

  it("swaps only after validate passed on the staged tables: a throwing validate leaves both tables unchanged", async () => {
    const before = await checksums();
    let seen: StagedLoad | undefined;
    const validate = async (staged: StagedLoad) => {
      seen = staged;
      const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${staged.tables[ELEARNING_USERS_TABLE]}`);
      expect(Number(n)).toBe(0); // a header-only users.csv
      throw new Error("gate failed");
    };
    await expect(replaceTablesFromCsv([file("users.csv", USERS), file("events.csv", goodEvents)], { validate })).rejects.toThrow("gate failed");
    expect(await checksums()).toEqual(before);
    expect(Object.keys(seen!.tables).sort()).toEqual([ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE]);
    expect(Object.values(seen!.fileNames).sort()).toEqual(["events.csv", "users.csv"]);
    // The private tables are gone.
    const [{ n }] = await query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '\\_load\\_%'");
    expect(Number(n)).toBe(0);
  });

  it("loads spreadsheet-style files: BOM, CRLF and quoted newlines", async () => {
    const crlf = "\uFEFF" + EVENTS.replace("\n", "\r\n") + '1,1,2025-01-06T22:39:00,support_ticket,"multi\r\nline",0.0,,\r\n2,1,2025-01-06T22:40:00,login,,0.0,,\r\n';
    await replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", crlf)]);
    const rows = await query<{ course_id: string | null; source_line: number }>("SELECT course_id, source_line FROM raw.elearning_events ORDER BY event_id");
    expect(rows).toEqual([{ course_id: "multi\r\nline", source_line: 2 }, { course_id: null, source_line: 4 }]);
  });

  it("loads a 1,000,000-row file completely", { timeout: 300_000 }, async () => {
    const parts: string[] = [EVENTS];
    for (let i = 1; i <= 1_000_000; i++) parts.push(`${i},${(i % 2) + 1},2025-01-0${(i % 9) + 1}T10:${String(i % 60).padStart(2, "0")}:00,video_watch,k8s-mastery,${(i % 97) / 3},,\n`);
    const big = Buffer.from(parts.join(""));
    const [loaded] = (await replaceTablesFromCsv([file("events.csv", big)])).filter((f) => f.fileName === "events.csv");
    expect(loaded.rows).toBe(1_000_000);
    const [r] = await query<{ n: string; max: string; s: number }>(
      "SELECT count(*) AS n, max(source_line) AS max, sum(watch_minutes::float8) AS s FROM raw.elearning_events");
    expect(Number(r.n)).toBe(1_000_000);
    expect(Number(r.max)).toBe(1_000_001);
    // sum over i of (i mod 97)/3, computed in JS from the same formula
    let expected = 0;
    for (let i = 1; i <= 1_000_000; i++) expected += (i % 97) / 3;
    expect(r.s).toBeCloseTo(expected, 3);
    await replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", goodEvents)]);
  });

  it("accepts a header-only file as zero rows", async () => {
    await replaceTablesFromCsv([file("users.csv", goodUsers), file("events.csv", EVENTS)]);
    expect(await counts()).toEqual([2, 0]);
  });
});
