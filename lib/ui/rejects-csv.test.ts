import { describe, expect, it } from "vitest";
import type { RejectRow } from "../quality/quality-queries.ts";
import { rejectsCsvHeader, rejectsCsvLines, rejectsCsvStream } from "./rejects-csv.ts";

const row = (over: Partial<RejectRow> = {}): RejectRow => ({
  id: "7",
  runId: "3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21",
  dqRunId: "00000000-0000-4000-8000-000000000000",
  source: "elearning",
  suite: "elearning.events",
  expectationId: "in_set:event_type",
  reasonCode: "EVENT_TYPE_UNKNOWN",
  sourceFile: "events.csv",
  sourceLine: 4,
  row: { event_id: 3, event_type: "teleport", course_id: '=HYPERLINK("http://evil","x")' },
  createdAt: "2025-01-02T10:00:00.000Z",
  ...over,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("rejects CSV", () => {
  it("has the documented header", () => {
    expect(rejectsCsvHeader()).toBe("id,created_at,source,suite,expectation_id,reason_code,source_file,source_line,run_id,row_json\r\n");
  });

  it("writes the row as quoted compact JSON", () => {
    expect(rejectsCsvLines([row()])).toBe(
      '7,2025-01-02T10:00:00.000Z,elearning,elearning.events,in_set:event_type,EVENT_TYPE_UNKNOWN,events.csv,4,3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21,' +
        '"{""event_id"":3,""event_type"":""teleport"",""course_id"":""=HYPERLINK(\\""http://evil\\"",\\""x\\"")""}"\r\n',
    );
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    const line = rejectsCsvLines([row({ sourceFile: '=HYPERLINK("http://evil","x")', reasonCode: "+1", expectationId: "@cmd", sourceLine: null, runId: null })]);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(line).toContain(",'+1,");
    expect(line).toContain(",'@cmd,");
    expect(line).toContain(",,,"); // null line and run id are empty fields
  });

  it("streams the header then every batch, and closes", async () => {
    async function* batches() {
      yield [row({ id: "1" }), row({ id: "2" })];
      yield [row({ id: "3" })];
    }
    const text = await readAll(rejectsCsvStream(batches()));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(rejectsCsvHeader().trimEnd());
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["1", "2", "3"]);
  });

  it("fails the stream (not a silently short file) when a batch fails", async () => {
    const seen: unknown[] = [];
    async function* batches(): AsyncGenerator<RejectRow[]> {
      yield [row()];
      throw new Error("database went away");
    }
    await expect(readAll(rejectsCsvStream(batches(), (e) => seen.push(e)))).rejects.toThrow("database went away");
    expect(seen).toHaveLength(1);
  });
});
