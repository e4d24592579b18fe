import { describe, expect, it } from "vitest";
import { loadedRows } from "../../../tests/helpers/loaded-rows.ts";
import { tableChecksum } from "../../../tests/helpers/table-checksum.ts";
import { query } from "../../db/sql.ts";
import { latestSnapshotRun } from "../../lineage/latest-snapshot-run.ts";
import { runLocally } from "../../pipelines/local-executor.ts";
import { getRunDetail } from "../../pipelines/run-queries.ts";
import { startRun } from "../../pipelines/start-run.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";

// Values that do not parse are reason-coded rejects judged by `mostly` (docs/decisions/005-unparseable-values.md), and
// a load whose gate fails (or whose stored bytes changed) leaves what was loaded exactly as it was: raw.* (emptied
// after each load that lands) and the newest load's snapshots.

const USERS = "user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score\n";
const EVENTS = "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount\n";

function users(n: number, line: (i: number) => string | null = () => null): string {
  let s = USERS;
  for (let i = 1; i <= n; i++) s += (line(i) ?? `${i},2024-12-01,${i % 3 ? "free" : "paid"},${i % 3 ? 0 : 1},US,organic,0.5`) + "\n";
  return s;
}
function events(n: number, line: (i: number) => string | null = () => null): string {
  let s = EVENTS;
  for (let i = 1; i <= n; i++) s += (line(i) ?? `${i},${(i % 20) + 1},2025-01-0${(i % 9) + 1}T10:00:00,video_watch,k8s,1.5,,`) + "\n";
  return s;
}

let tags = 0;
async function ingest(usersCsv: string, eventsCsv: string, tamper?: string) {
  const prefix = `datasets/elearning/test-unparseable-${++tags}`;
  const usersKey = `${prefix}/users.csv`;
  const eventsKey = `${prefix}/events.csv`;
  await putArtifact(usersKey, usersCsv, { kind: "upload", contentType: "text/csv" });
  await putArtifact(eventsKey, eventsCsv, { kind: "upload", contentType: "text/csv" });
  // Bytes changed behind the record's back (the recorded sha256 is the original's).
  if (tamper) {
    // Keys are write-once through the store: tampering means replacing the object behind its back.
    await getArtifactStore().delete(eventsKey);
    await getArtifactStore().put(eventsKey, tamper);
  }
  const { runId } = await startRun("elearning-ingest", { usersKey, eventsKey }, "cli", "inline");
  await runLocally(runId);
  return (await getRunDetail(runId))!;
}

/** Content checksum of both raw tables (every column of every row), and the newest load's snapshots. */
async function rawChecksum() {
  const [r] = await query<{ u: string; e: string }>(
    `SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.file_id, t.source_line), '')) FROM raw.elearning_users t) AS u,
            (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.file_id, t.source_line), '')) FROM raw.elearning_events t) AS e`);
  const latest = await latestSnapshotRun("staging.elearning_events");
  const snapshots = latest
    ? { users: await tableChecksum(await loadedRows("staging.elearning_users", latest)), events: await tableChecksum(await loadedRows("staging.elearning_events", latest)) }
    : null;
  return { ...r, latest, snapshots };
}

const rejectsOf = (runId: string) =>
  query<{ reason_code: string; expectation_id: string; source_file: string; source_line: number }>(
    "SELECT reason_code, expectation_id, source_file, source_line FROM dqm.rejects WHERE run_id = $1 ORDER BY source_line, reason_code", [runId]);

describe("unparseable values in e-learning loads", () => {
  it("loads 1,000 events with one impossible timestamp: the row is a reject with file, line, column and code", async () => {
    const run = await ingest(users(20), events(1000, (i) => (i === 500 ? `500,3,2026-13-45T99:00:00,login,,0.0,,` : null)));
    expect(run.status).toBe("succeeded");
    expect(await rejectsOf(run.id)).toEqual([
      { reason_code: "EVENT_TIME_UNPARSEABLE", expectation_id: "parses_as:event_time", source_file: "events.csv", source_line: 501 },
    ]);
    const [staged] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${await loadedRows("staging.elearning_events", run.id)}`);
    expect(Number(staged.n)).toBe(999);
  });

  it("rejects 1e400 (not a finite double) and a 20-digit id (does not fit a bigint) the same way", async () => {
    const run = await ingest(
      users(20),
      events(1000, (i) => (i === 10 ? `10,3,2025-01-02T10:00:00,video_watch,k8s,1e400,,` : i === 20 ? `12345678901234567890,3,2025-01-02T10:00:00,login,,0.0,,` : null)),
    );
    expect(run.status).toBe("succeeded");
    expect(await rejectsOf(run.id)).toEqual([
      { reason_code: "WATCH_MINUTES_UNPARSEABLE", expectation_id: "parses_as:watch_minutes", source_file: "events.csv", source_line: 11 },
      { reason_code: "EVENT_ID_UNPARSEABLE", expectation_id: "parses_as:event_id", source_file: "events.csv", source_line: 21 },
    ]);
    const [staged] = await query<{ n: string; max: string }>(`SELECT count(*) AS n, max(watch_minutes) AS max FROM ${await loadedRows("staging.elearning_events", run.id)}`);
    expect(Number(staged.n)).toBe(998);
  });

  it("fails the gate by `mostly` when too many values do not parse, leaving raw.* unchanged", async () => {
    const before = await rawChecksum();
    // 20 of 1,000 timestamps (2%) do not parse; the rule allows 1%.
    const run = await ingest(users(20), events(1000, (i) => (i % 50 === 0 ? `${i},3,2026-02-30T10:00:00,login,,0.0,,` : null)));
    expect(run).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(run.errorMessage).toMatch(/EVENT_TIME_UNPARSEABLE \(parses_as:event_time: 2\.0% unexpected, mostly 0\.99\)/);
    expect(await rawChecksum()).toEqual(before);
    expect((await rejectsOf(run.id)).filter((r) => r.reason_code === "EVENT_TIME_UNPARSEABLE")).toHaveLength(20);
  });

  it("a header-only users.csv fails the gate and leaves raw.elearning_users exactly as it was", async () => {
    const loaded = await ingest(users(20), events(100));
    expect(loaded.status).toBe("succeeded");
    const before = await rawChecksum();
    expect(before.latest).toBe(loaded.id);
    expect(before.snapshots?.users).toMatch(/^20 rows/);
    const run = await ingest(USERS, events(100));
    expect(run).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(run.errorMessage).toMatch(/elearning\.users: NO_USERS/);
    expect(await rawChecksum()).toEqual(before);
    // The gate's results are recorded under the real table names.
    const dq = await query<{ table_name: string }>("SELECT table_name FROM dqm.dq_runs WHERE run_id = $1 ORDER BY table_name", [run.id]);
    expect(dq.map((d) => d.table_name)).toEqual(["raw.elearning_events", "raw.elearning_users"]);
  });

  it("refuses a stored file whose bytes no longer match the recorded sha256 before the swap, leaving raw.* unchanged", async () => {
    const before = await rawChecksum();
    const run = await ingest(users(20), events(100), events(101));
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toMatch(/events\.csv \(datasets\/elearning\/test-unparseable-\d+\/events\.csv\) changed since it was stored/);
    expect(await rawChecksum()).toEqual(before);
  });

  it("trims tab and CR padding like spaces: padded values are the values, not unknown ones", async () => {
    const run = await ingest(
      users(20, (i) => (i === 2 ? `2,2024-12-01,free\t,0,US\r,organic ,0.5` : null)),
      events(100, (i) => (i === 3 ? `3,4,2025-01-02T10:00:00,\tvideo_watch\r,k8s,1.5,,` : null)),
    );
    expect(run.status).toBe("succeeded");
    expect(await rejectsOf(run.id)).toEqual([]);
    const [u] = await query<{ plan: string; country: string }>(`SELECT plan, country FROM ${await loadedRows("staging.elearning_users", run.id)} WHERE user_id = 2`);
    expect(u).toEqual({ plan: "free", country: "US" });
  });
});

describe("encoding of e-learning ingests", () => {
  it("refuses invalid UTF-8 with the file, the line and the encoding, loading nothing", async () => {
    const before = await rawChecksum();
    const bad = Buffer.concat([Buffer.from(events(5)), Buffer.from("6,3,2025-01-02T10:00:00,login,Caf"), Buffer.from([0xe9]), Buffer.from(",0.0,,\n")]);
    const prefix = `datasets/elearning/test-unparseable-${++tags}`;
    await putArtifact(`${prefix}/users.csv`, users(20), { kind: "upload", contentType: "text/csv" });
    await putArtifact(`${prefix}/events.csv`, bad, { kind: "upload", contentType: "text/csv" });
    // As `churnops ingest elearning` starts it: no encoding named.
    const { runId } = await startRun("elearning-ingest", { usersKey: `${prefix}/users.csv`, eventsKey: `${prefix}/events.csv` }, "cli", "inline");
    await runLocally(runId);
    const run = (await getRunDetail(runId))!;
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toMatch(/events\.csv line 7: the file is not valid UTF-8 \(the encoding it is read with\)/);
    expect(await rawChecksum()).toEqual(before);
  });
});
