import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { getDb } from "../db/client.ts";
import { query } from "../db/sql.ts";
import { resetEnvCache } from "../env.ts";
import { getRunLineage } from "../lineage/index.ts";
import { receiveHistory } from "../sources/crypto/append-history.ts";
import { EVENTS_TABLE, HISTORY_COLUMNS, HISTORY_TABLE } from "../sources/crypto/crypto-contract.ts";
import { cryptoProduction, recentCryptoRuns, rejectReasonsOf } from "../sources/crypto/crypto-queries.ts";
import { RAW_HISTORY_SUITE, STAGING_CANDIDATE_SUITE } from "../sources/crypto/crypto-suites.ts";
import { addDays, cryptoWindow } from "../sources/crypto/crypto-window.ts";
import { generateCryptoDay, type BadRowKind } from "../sources/crypto/generate-crypto-day.ts";
import { rawTableCounts } from "../sources/raw-data-queries.ts";
import { CRYPTO_EVENTS } from "./crypto-events.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

// The crypto ETL end to end on one database (the tests build on each other's history, in order): reason codes of
// every planted bad row, a crash-and-retry that equals a clean run, idempotent reruns, forward-only batches, logical
// deletes, and gates that leave production byte for byte as it was.

const AS_OF = "2026-03-10";
const SIZES = { rowsPerDay: 120, badRate: 0.05, seed: 42 };
/** Where each planted kind must end up: suite and reason code. */
const EXPECTED_REJECT: Record<BadRowKind, [string, string]> = {
  unparseable_date: [RAW_HISTORY_SUITE, "PURCHASE_DATE_UNPARSEABLE"],
  negative_price: [RAW_HISTORY_SUITE, "PURCHASE_PRICE_NEGATIVE"],
  negative_units: [RAW_HISTORY_SUITE, "PURCHASE_UNITS_NEGATIVE"],
  unknown_crypto: [RAW_HISTORY_SUITE, "CRYPTO_TYPE_UNKNOWN"],
  future_date: [STAGING_CANDIDATE_SUITE, "PURCHASE_DATE_IN_FUTURE"],
  duplicate: [STAGING_CANDIDATE_SUITE, "DUPLICATE_KEY"],
};

async function start(params: object) {
  return (await startRun(CRYPTO_EVENTS, params, "cli", "inline")).runId;
}
async function execute(runId: string) {
  await runLocally(runId);
  return (await getRunDetail(runId))!;
}
const run = async (params: object) => execute(await start(params));
const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(sql, params))[0]!.n);
const production = () => tableChecksum(EVENTS_TABLE);
/** Content of the raw history's days up to `last` (file ids left out: they are per batch). */
const historyUpTo = async (last: string) =>
  query(`SELECT batch_date::text AS day, source_line, ${HISTORY_COLUMNS.join(", ")} FROM raw.bt_crypto_transaction_history WHERE batch_date <= $1 ORDER BY 1, 2`, [last]);

describe("crypto-events pipeline", () => {
  const window = cryptoWindow(AS_OF);

  it("continues after a crash exactly as a clean run, rejects every planted bad row with its reason code and merges the rest", async () => {
    const runId = await start({ asOf: AS_OF, ...SIZES });
    // The receive step's first attempt died after two days (each day is its own transaction); the retry continues.
    await receiveHistory(runId, cryptoWindow(window.days[1]!, 2), SIZES);
    const detail = await execute(runId);
    expect(detail.status, detail.errorMessage ?? "").toBe("succeeded");
    expect(detail.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["receive-history", "succeeded"], ["validate-raw-history", "succeeded"], ["build-candidate", "succeeded"], ["validate-candidate", "succeeded"],
      ["merge-production", "succeeded"], ["vacuum-analyze", "succeeded"], ["notify", "succeeded"],
    ]);
    expect((detail.steps[0]!.output as { received: { day: string }[] }).received.map((r) => r.day)).toEqual(window.days.slice(2));
    // VACUUM ANALYZE runs on real Postgres and is skipped, with a note, on the embedded engine.
    const { engine } = await getDb();
    expect(detail.steps[5]!.output).toMatchObject({ vacuumed: engine === "postgres", note: engine === "postgres" ? expect.stringMatching(/^VACUUM ANALYZE ops\.bt_crypto_events took/) : expect.stringMatching(/^skipped on the embedded engine/) });

    // Raw: each day holds exactly what the faker makes of it, as if the run had never crashed.
    const days = window.days.map((day) => generateCryptoDay({ day, ...SIZES, rows: SIZES.rowsPerDay }));
    const raw = await historyUpTo(AS_OF);
    expect(raw).toEqual(days.flatMap((g) => g.rows.map((r, i) => ({ day: g.day, source_line: i + 2, ...r }))));

    // Every planted bad row is rejected once, under its suite and reason code, with its file and line; nothing else is.
    const expected = days.flatMap((g) => [...g.bad].map(([i, kind]) => [`history-${g.day}.csv`, i + 2, ...EXPECTED_REJECT[kind]].join(" ")));
    const rejects = await query<{ source_file: string; source_line: number; suite: string; reason_code: string }>(
      "SELECT source_file, source_line, suite, reason_code FROM dqm.rejects WHERE run_id = $1", [runId]);
    expect(rejects.map((r) => [r.source_file, r.source_line, r.suite, r.reason_code].join(" ")).sort()).toEqual(expected.sort());
    expect(new Set(expected.map((e) => e.split(" ")[3])).size).toBe(6); // all six kinds were planted

    // One dq run per suite; production holds every valid row, active.
    const dq = await query<{ suite: string; status: string; table_name: string }>("SELECT suite, status, table_name FROM dqm.dq_runs WHERE run_id = $1 ORDER BY suite", [runId]);
    expect(dq).toEqual([
      { suite: RAW_HISTORY_SUITE, status: "passed", table_name: "raw.bt_crypto_transaction_history" },
      { suite: STAGING_CANDIDATE_SUITE, status: "passed", table_name: "staging.bt_crypto_events_candidate" },
    ]);
    const valid = SIZES.rowsPerDay * 5 - expected.length;
    expect(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE is_active`)).toBe(valid);
    expect(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE}`)).toBe(valid);
    expect(detail.steps[4]!.output).toMatchObject({ inserted: valid, updated: 0, unchanged: 0, deactivated: 0, activeRows: valid, inactiveRows: 0 });
    // purchase_value is price × units in cents
    expect(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE purchase_value <> round(purchase_price * purchase_units, 2)`)).toBe(0);

    // Lineage: five batch files read, the candidate's snapshot and production's checksum written.
    const lineage = await getRunLineage(runId);
    expect(lineage.inputs.filter((i) => i.kind === "artifact").map((i) => i.name).sort()).toEqual(window.days.map((d) => `datasets/crypto/${runId}/history-${d}.csv`));
    const outputs = Object.fromEntries(lineage.outputs.filter((o) => o.kind === "table").map((o) => [o.name, o]));
    expect(outputs["staging.bt_crypto_events_candidate"]).toMatchObject({ rowCount: SIZES.rowsPerDay * 5 - 20, snapshotTable: expect.stringMatching(/^snapshots\./) });
    expect(outputs[EVENTS_TABLE]).toMatchObject({ rowCount: valid, checksum: (detail.steps[4]!.output as { checksum: string }).checksum, snapshotTable: null });
  });

  it("reruns the same window without changing a byte of production, and posts the summary to CHURNOPS_NOTIFY_URL", async () => {
    const bodies: unknown[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        bodies.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.CHURNOPS_NOTIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/crypto`;
    resetEnvCache();
    try {
      const before = await production();
      const detail = await run({ asOf: AS_OF, ...SIZES });
      expect(detail.status, detail.errorMessage ?? "").toBe("succeeded");
      expect(detail.steps[0]!.output).toMatchObject({ received: [], windowRows: SIZES.rowsPerDay * 5 });
      expect(detail.steps[4]!.output).toMatchObject({ inserted: 0, updated: 0, deactivated: 0 });
      expect(await production()).toBe(before); // updated_at included: nothing was rewritten
      expect(detail.steps[6]!.output).toMatchObject({ delivered: true, note: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/hooks\/crypto → 204$/) });
      expect(bodies).toEqual([expect.objectContaining({ pipeline: CRYPTO_EVENTS, runId: detail.id, window: { start: window.start, end: AS_OF, days: window.days } })]);
    } finally {
      delete process.env.CHURNOPS_NOTIFY_URL;
      resetEnvCache();
      server.close();
    }
  });

  it("is forward-only: a later as-of day appends its day and never rewrites or back-fills the past", async () => {
    const past = await historyUpTo(AS_OF);
    const pastProduction = await query(`SELECT * FROM ${EVENTS_TABLE} WHERE purchase_date = $1 ORDER BY site_id, user_id, crypto_type`, [window.start]);
    const next = addDays(AS_OF, 1);
    const [{ rows: counted }] = await rawTableCounts([HISTORY_TABLE]); // /data's count, cached per storage file
    const detail = await run({ asOf: next, ...SIZES, rowsPerDay: 150, seed: 99 }); // other sizes: only the new day uses them
    expect((await rawTableCounts([HISTORY_TABLE]))[0]!.rows).toBe(counted + 150); // an append keeps the file: not cached
    expect(detail.status, detail.errorMessage ?? "").toBe("succeeded");
    expect((detail.steps[0]!.output as { received: { day: string; rows: number }[] }).received).toMatchObject([{ day: next, rows: 150 }]);
    expect(await historyUpTo(AS_OF)).toEqual(past);
    // The day that left the window keeps its production rows as they were (neither deactivated nor touched).
    expect(await query(`SELECT * FROM ${EVENTS_TABLE} WHERE purchase_date = $1 ORDER BY site_id, user_id, crypto_type`, [window.start])).toEqual(pastProduction);
    // An earlier as-of day generates nothing: no back-fill behind the newest batch.
    const back = await run({ asOf: "2026-03-01", ...SIZES });
    expect((back.steps[0]!.output as { received: unknown[] }).received).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM raw.bt_crypto_transaction_history WHERE batch_date < $1", [window.start])).toBe(0);
  });

  it("deactivates a row that vanished from the window (never deleting it), and reactivates it when it comes back", async () => {
    const asOf = addDays(AS_OF, 1);
    const [gone] = await query<Record<string, string> & { file_id: string; source_line: number }>(
      `SELECT h.* FROM raw.bt_crypto_transaction_history h
         JOIN ${EVENTS_TABLE} e ON e.site_id = upper(h.site_id) AND e.user_id::text = h.user_id AND e.crypto_type = upper(h.crypto_type) AND e.purchase_date = h.batch_date
        WHERE h.batch_date = $1 AND e.is_active ORDER BY h.source_line LIMIT 1`, [AS_OF]);
    expect(gone).toBeDefined();
    const key = [gone!.site_id!.toUpperCase(), gone!.user_id, AS_OF, gone!.crypto_type!.toUpperCase()];
    const state = () => query<{ is_active: boolean; updated_at: Date }>(
      `SELECT is_active, updated_at FROM ${EVENTS_TABLE} WHERE site_id = $1 AND user_id = $2 AND purchase_date = $3 AND crypto_type = $4`, key);
    const [before] = await state();
    const rows = await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE}`);

    // The source no longer has the purchase (a test fixture edit: the pipeline itself never deletes history).
    await query("DELETE FROM raw.bt_crypto_transaction_history WHERE file_id = $1 AND source_line = $2", [gone!.file_id, gone!.source_line]);
    const vanished = await run({ asOf, ...SIZES });
    expect(vanished.steps[4]!.output).toMatchObject({ inserted: 0, updated: 0, deactivated: 1 });
    const [after] = await state();
    expect(after!.is_active).toBe(false);
    expect(after!.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
    expect(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE}`)).toBe(rows);

    await query(
      `INSERT INTO raw.bt_crypto_transaction_history (${HISTORY_COLUMNS.join(", ")}, batch_date, file_id, source_line) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [...HISTORY_COLUMNS.map((c) => gone![c]), AS_OF, gone!.file_id, gone!.source_line],
    );
    const back = await run({ asOf, ...SIZES });
    expect(back.steps[4]!.output).toMatchObject({ inserted: 0, updated: 1, deactivated: 0 });
    expect((await state())[0]!.is_active).toBe(true);
  });

  it("stops at raw_history when the feed is broken, leaving production byte for byte unchanged", async () => {
    const before = await production();
    const detail = await run({ asOf: addDays(AS_OF, 2), rowsPerDay: 600, badRate: 1, seed: 1 });
    expect(detail).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(detail.errorMessage).toMatch(/^Data gate failed: crypto\.raw_history: .*PURCHASE_DATE_UNPARSEABLE/);
    expect(detail.steps.map((s) => s.status)).toEqual(["succeeded", "failed", "skipped", "skipped", "skipped", "skipped", "skipped"]);
    expect(await production()).toBe(before);
    const dq = await query<{ suite: string; status: string }>("SELECT suite, status FROM dqm.dq_runs WHERE run_id = $1", [detail.id]);
    expect(dq).toEqual([{ suite: RAW_HISTORY_SUITE, status: "failed" }]);
    expect(await count("SELECT count(*) AS n FROM dqm.rejects WHERE run_id = $1 AND suite = $2", [detail.id, RAW_HISTORY_SUITE])).toBeGreaterThan(0);
  });

  it("stops at staging_candidate when too many rows repeat a key, leaving production byte for byte unchanged", async () => {
    // A fresh window far from the broken day above: a clean first run, then a received batch full of re-sent rows.
    const asOf = "2026-06-10";
    expect((await run({ asOf: addDays(asOf, -1), ...SIZES })).status).toBe("succeeded");
    const fileId = "00000000-0000-4000-8000-0000000000c1";
    await query(
      `INSERT INTO raw.bt_crypto_transaction_history (${HISTORY_COLUMNS.join(", ")}, batch_date, file_id, source_line)
       SELECT 'MLA', '77', '${asOf}', 'BTC', '100.00', '0.50000000', $1::date, $2::uuid, g FROM generate_series(2, 101) g`,
      [asOf, fileId],
    );
    const before = await production();
    const detail = await run({ asOf, ...SIZES });
    expect(detail).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(detail.errorMessage).toMatch(/^Data gate failed: crypto\.staging_candidate: .*DUPLICATE_KEY/);
    expect(detail.steps.map((s) => s.status)).toEqual(["succeeded", "succeeded", "succeeded", "failed", "skipped", "skipped", "skipped"]);
    expect(await production()).toBe(before);
    expect(await count("SELECT count(*) AS n FROM dqm.rejects WHERE run_id = $1 AND suite = $2 AND reason_code = 'DUPLICATE_KEY' AND file_id = $3", [detail.id, STAGING_CANDIDATE_SUITE, fileId])).toBe(99);
  });

  it("reads the page's models: per-day counts that add up to production, and the last runs with per-suite results", async () => {
    const production = await cryptoProduction(100);
    expect(production.active).toBe(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE is_active`));
    expect(production.counts.reduce((a, c) => a + c.active + c.inactive, 0)).toBe(await count(`SELECT count(*) AS n FROM ${EVENTS_TABLE}`));
    expect(production.counts[0]!.day >= production.counts.at(-1)!.day).toBe(true); // newest day first
    const [latest, previous] = await recentCryptoRuns(2);
    // The newest run is the one the staging_candidate gate stopped: both suites ran, the merge did not.
    expect(latest).toMatchObject({ status: "failed", failureKind: "data_gate", window: { start: "2026-06-06", end: "2026-06-10" }, merge: null });
    expect(latest!.suites.map((s) => [s.suite, s.status])).toEqual([[RAW_HISTORY_SUITE, "passed"], [STAGING_CANDIDATE_SUITE, "failed"]]);
    expect(previous).toMatchObject({ status: "succeeded", merge: { inserted: SIZES.rowsPerDay * 5 - 30 } });
    const reasons = await rejectReasonsOf(latest!.id);
    expect(reasons.find((r) => r.reasonCode === "DUPLICATE_KEY")).toMatchObject({ suite: STAGING_CANDIDATE_SUITE, rows: 103 });
  });

  it("exits the CLI with 0 on success and 2 when a suite stops the run", () => {
    const cli = (...params: string[]) =>
      spawnSync(process.execPath, ["bin/churnops.mjs", "run", CRYPTO_EVENTS, ...params.flatMap((p) => ["--param", p]), "--json"], {
        env: { ...process.env, CHURNOPS_CWD_KEEP: "1" }, encoding: "utf8", timeout: 120_000,
      });
    const ok = cli("asOf=2026-09-10", "rowsPerDay=50");
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ pipelineId: CRYPTO_EVENTS, status: "succeeded" });
    const gated = cli("asOf=2026-09-11", "rowsPerDay=400", "badRate=1");
    expect(gated.status, gated.stderr).toBe(2);
    expect(JSON.parse(gated.stdout)).toMatchObject({ status: "failed", failureKind: "data_gate" });
  });
});

afterAll(() => {
  delete process.env.CHURNOPS_NOTIFY_URL;
  resetEnvCache();
});
