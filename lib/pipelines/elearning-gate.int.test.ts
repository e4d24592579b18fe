import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadedRows } from "../../tests/helpers/loaded-rows.ts";
import { tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { query } from "../db/sql.ts";
import { latestSnapshotRun } from "../lineage/latest-snapshot-run.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

// The data gate: a failing suite stops the run before anything downstream of raw.* changes.

const USERS = "user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score\n";
const EVENTS = "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount\n";

function users(n: number): string {
  let s = USERS;
  for (let i = 1; i <= n; i++) s += `${i},2024-12-01,${i % 3 ? "free" : "paid"},${i % 3 ? 0 : 1},US,organic,0.5\n`;
  return s;
}
function events(n: number, line: (i: number) => string | null = () => null): string {
  let s = EVENTS;
  for (let i = 1; i <= n; i++) s += (line(i) ?? `${i},${(i % 20) + 1},2025-01-0${(i % 9) + 1}T10:00:00,login,,0.0,,`) + "\n";
  return s;
}

async function ingest(usersCsv: string, eventsCsv: string, tag: string) {
  const usersKey = `datasets/elearning/test-${tag}/users.csv`;
  const eventsKey = `datasets/elearning/test-${tag}/events.csv`;
  await putArtifact(usersKey, usersCsv, { kind: "upload", contentType: "text/csv" });
  await putArtifact(eventsKey, eventsCsv, { kind: "upload", contentType: "text/csv" });
  const { runId } = await startRun("elearning-ingest", { usersKey, eventsKey }, "cli", "inline");
  await runLocally(runId);
  return (await getRunDetail(runId))!;
}

/** What the newest load left: its run and the content of its snapshots (raw.* and staging.* are emptied after it). */
async function stagingFingerprint() {
  const latest = await latestSnapshotRun("staging.elearning_events");
  return {
    latest,
    users: await tableChecksum(await loadedRows("staging.elearning_users")),
    events: await tableChecksum(await loadedRows("staging.elearning_events")),
    raw: (await query<{ n: number }>("SELECT ((SELECT count(*) FROM raw.elearning_users) + (SELECT count(*) FROM raw.elearning_events))::int AS n"))[0]!.n,
  };
}

describe("e-learning data gate", () => {
  beforeAll(async () => {
    const clean = await ingest(users(20), events(200), "clean");
    expect(clean.status).toBe("succeeded");
  });

  it("stops the run at the gate, rejecting broken rows with reason code, file and line, and leaves staging unchanged", async () => {
    // A duplicate event id, a negative payment, an unknown user and an unknown type: each breaks a fail-severity
    // expectation with mostly = 1, so the suite fails.
    const bad = events(200, (i) =>
      i === 10 ? `5,1,2025-01-02T10:00:00,login,,0.0,,` // duplicate of event 5
        : i === 11 ? `11,1,2025-01-02T10:00:00,payment_success,,0.0,,-19.0` // negative amount on a payment
          : i === 12 ? `12,999,2025-01-02T10:00:00,login,,0.0,,` // user 999 is not in users.csv
            : i === 13 ? `13,1,2025-01-02T10:00:00,logout,,0.0,,` // not an event type
              : null);
    const before = await stagingFingerprint();
    const run = await ingest(users(20), bad, "bad");
    expect(run.status).toBe("failed");
    expect(run.failureKind).toBe("data_gate");
    expect(run.errorMessage).toMatch(/Data gate failed: elearning\.events: .*EVENT_ID_DUPLICATE/);
    // The gate runs on the staged rows inside the load step, before the swap: it fails there and raw.* is unchanged.
    expect(run.steps.map((s) => s.status)).toEqual(["failed", "skipped", "skipped", "skipped"]);
    // Downstream is exactly as before.
    expect(await stagingFingerprint()).toEqual(before);
    const rejects = await query<{ reason_code: string; source_line: number; source_file: string }>(
      "SELECT reason_code, source_line, source_file FROM dqm.rejects WHERE run_id = $1 ORDER BY source_line", [run.id]);
    expect(rejects.map((r) => [r.reason_code, r.source_line, r.source_file])).toEqual([
      ["EVENT_ID_DUPLICATE", 11, "events.csv"],
      ["PAYMENT_AMOUNT_INVALID", 12, "events.csv"],
      ["USER_UNKNOWN", 13, "events.csv"],
      ["EVENT_TYPE_UNKNOWN", 14, "events.csv"],
    ]);
    const dq = await query<{ suite: string; status: string }>("SELECT suite, status FROM dqm.dq_runs WHERE run_id = $1 ORDER BY suite", [run.id]);
    expect(dq).toEqual([{ suite: "elearning.events", status: "failed" }, { suite: "elearning.users", status: "passed" }]);
  });

  it("fails the gate when more than 2% of non-payment events carry an amount, and passes at 2%", async () => {
    const withAmounts = (k: number) => events(200, (i) => (i <= k ? `${i},1,2025-01-02T10:00:00,login,,0.0,,5.0` : null));
    const over = await ingest(users(20), withAmounts(5), "amount-over"); // 5/200 = 2.5%
    expect(over.failureKind).toBe("data_gate");
    expect(over.errorMessage).toContain("NON_PAYMENT_AMOUNT");
    const at = await ingest(users(20), withAmounts(4), "amount-at"); // 4/200 = 2%
    expect(at.status).toBe("succeeded");
    expect(at.steps.map((s) => s.stepId)).toEqual(["load-raw-tables", "validate-raw", "build-staging", "release-working-tables"]);
    expect(at.steps[2].output).toMatchObject({ events: 200 });
    // The valid rows are in the run's snapshot; raw.* and staging.* are empty again.
    expect(await tableChecksum(await loadedRows("staging.elearning_events", at.id))).toMatch(/^200 rows/);
    expect(await stagingFingerprint()).toMatchObject({ latest: at.id, raw: 0 });
    expect((await query<{ n: number }>("SELECT count(*)::int AS n FROM staging.elearning_events"))[0]!.n).toBe(0);
  });

  it("exits the CLI with code 2 on a failed gate, 0 on success", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-cli-"));
    fs.writeFileSync(path.join(dir, "users.csv"), users(5));
    fs.writeFileSync(path.join(dir, "bad.csv"), events(20, (i) => (i === 3 ? `3,1,2025-01-02T10:00:00,teleport,,0.0,,` : null)).replaceAll(/,(\d+),2025/g, (_m, u) => `,${(Number(u) % 5) + 1},2025`));
    fs.writeFileSync(path.join(dir, "good.csv"), events(20).replaceAll(/,(\d+),2025/g, (_m, u) => `,${(Number(u) % 5) + 1},2025`));
    const cli = (file: string) =>
      spawnSync(process.execPath, ["bin/churnops.mjs", "ingest", "elearning", "--users", path.join(dir, "users.csv"), "--events", path.join(dir, file), "--json"], {
        env: { ...process.env, CHURNOPS_CWD_KEEP: "1" },
        encoding: "utf8",
        timeout: 120_000,
      });
    const bad = cli("bad.csv");
    expect(bad.status, bad.stderr).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: "failed", failureKind: "data_gate" });
    const good = cli("good.csv");
    expect(good.status, good.stderr).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
