import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import type { GateSummary } from "../quality/data-gate.ts";
import type { WalletStagingSummary } from "../sources/wallet/build-wallet-staging.ts";
import { generateWallet } from "../sources/wallet/generate-wallet.ts";
import { walletSampleParams } from "../sources/wallet/wallet-params.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

const small = { buyers: 2000, seed: 7 };
const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(sql, params))[0]!.n);
const SIDE_FLAGS = {
  "ACTIVE_USER.csv": "in_active_user", "DEMOGRAFICOS.csv": "in_demograficos", "DINERO_CUENTA.csv": "in_dinero_cuenta",
  "MARKETPLACE_DATA.csv": "in_marketplace_data", "PAYMENTS.csv": "in_payments",
} as const;

async function run(pipelineId: string, params: object) {
  const { runId } = await startRun(pipelineId, params, "cli", "inline");
  const outcome = await runLocally(runId);
  return { runId, outcome, detail: (await getRunDetail(runId))! };
}

describe("wallet-sample pipeline (local executor)", () => {
  // Expected counts come from the generator itself, which is checked against the contract in its own tests.
  const expected = generateWallet(walletSampleParams.parse(small)).stats;

  it("generates, loads, validates and stages one row per valid labelled buyer, losing none", async () => {
    const { runId, outcome, detail } = await run("wallet-sample", small);
    expect(outcome).toMatchObject({ status: "succeeded" });
    expect(detail.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["generate-csvs", "succeeded"], ["load-raw-tables", "succeeded"], ["validate-raw", "succeeded"], ["build-staging", "succeeded"],
    ]);
    expect(detail.steps[0]!.output).toMatchObject({ evaluateKey: `datasets/wallet/${runId}/EVALUATE.csv`, paymentsKey: expect.stringMatching(/PAYMENTS\.csv$/) });
    const staged = detail.steps[3]!.output as unknown as WalletStagingSummary;

    // exactly one row per distinct valid EVALUATE buyer, with the generator's labels
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers")).toBe(expected.buyers);
    expect(await count("SELECT count(DISTINCT buyer_id) AS n FROM staging.wallet_buyers")).toBe(expected.buyers);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers WHERE churn = 1")).toBe(expected.churned);
    expect(staged).toMatchObject({ buyers: expected.buyers, churned: expected.churned });

    // no labelled buyer is lost: staged + rejected label rows = EVALUATE rows minus repeated ids the gate let through
    const rawRows = await count("SELECT count(*) AS n FROM raw.wallet_evaluate");
    expect(rawRows).toBe(expected.evaluateRows);
    const rejected = await query<{ reason_code: string; n: string }>(
      `SELECT reason_code, count(DISTINCT (file_id, source_line)) AS n FROM dqm.rejects WHERE run_id = $1 AND suite = 'wallet.evaluate' GROUP BY 1 ORDER BY 1`, [runId]);
    expect(rejected.map((r) => [r.reason_code, Number(r.n)])).toEqual([
      ["BUYER_ID_DUPLICATE", expected.evaluateDuplicateRows], ["BUYER_ID_MISSING", expected.evaluateMissingIdRows],
    ]);
    const rejectedLines = await count("SELECT count(DISTINCT (file_id, source_line)) AS n FROM dqm.rejects WHERE run_id = $1 AND suite = 'wallet.evaluate'", [runId]);
    expect(expected.buyers + rejectedLines).toBe(rawRows - staged.labels.repeatedIds);
    expect(staged.labels).toEqual({ rows: rawRows, rejectedRows: rejectedLines, repeatedIds: 0, buyers: expected.buyers });

    // unlisted category values are kept (lower-cased) and reported as warnings, never rejected
    const gate = detail.steps[2]!.output as unknown as GateSummary;
    const warned = Object.fromEntries(gate.suites.map((s) => [s.suite, s.warned.join(" ")]));
    expect(warned["wallet.payments"]).toMatch(/SEGMENT_UNLISTED/);
    expect(warned["wallet.demograficos"]).toMatch(/CARD_TYPE_UNLISTED/);
    expect(warned["wallet.dinero_cuenta"]).toMatch(/INVERSION_UNLISTED/);
    expect(warned["wallet.active_user"]).toMatch(/BUYER_ID_DUPLICATE/);
    expect(await count("SELECT count(*) AS n FROM dqm.rejects WHERE run_id = $1 AND reason_code LIKE '%UNLISTED'", [runId])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_payments WHERE segment = 'crypto'")).toBe(expected.unlistedValues.segment);
    // the first DINERO_CUENTA row of each labelled buyer decides: its unlisted INVERSION reaches staging as written
    const firstPaused = await count(
      `SELECT count(*) AS n FROM (SELECT DISTINCT ON (cus_cust_id_buy::numeric) cus_cust_id_buy::numeric AS id, inversion FROM raw.wallet_dinero_cuenta ORDER BY cus_cust_id_buy::numeric, source_line) f
        WHERE lower(btrim(f.inversion)) = 'paused' AND EXISTS (SELECT 1 FROM staging.wallet_buyers b WHERE b.buyer_id = f.id)`);
    expect(firstPaused).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers WHERE inversion = 'paused'")).toBe(firstPaused);
    expect(await count(
      `SELECT count(*) AS n FROM staging.wallet_buyers b JOIN (SELECT DISTINCT ON (cus_cust_id_buy::numeric) cus_cust_id_buy::numeric AS id, plata_cuenta_1
         FROM raw.wallet_dinero_cuenta ORDER BY cus_cust_id_buy::numeric, source_line) f ON f.id = b.buyer_id WHERE b.balance_1 IS DISTINCT FROM f.plata_cuenta_1::float8`)).toBe(0);

    // coverage in the step output = a direct count = the generator's own numbers
    for (const [file, flag] of Object.entries(SIDE_FLAGS) as [keyof typeof SIDE_FLAGS, string][]) {
      const direct = await count(`SELECT count(*) AS n FROM staging.wallet_buyers WHERE ${flag}`);
      const gen = expected.files[file]!;
      expect(staged.coverage[file], file).toMatchObject({
        labelledBuyers: direct, unmatchedLabelledBuyers: expected.buyers - direct, buyersNotInEvaluate: gen.buyersNotInEvaluate, rejectedRows: 0,
      });
      expect(direct, file).toBe(gen.labelledBuyers);
      if (file !== "PAYMENTS.csv") expect(staged.coverage[file].rowsBeyondFirst, file).toBe(gen.duplicateRows);
    }
    expect(await count("SELECT count(*) AS n FROM staging.wallet_payments")).toBe(expected.files["PAYMENTS.csv"]!.rows);
  });

  it("runs without PAYMENTS.csv: raw payments are emptied and no buyer is in_payments", async () => {
    expect(await count("SELECT count(*) AS n FROM raw.wallet_payments")).toBeGreaterThan(0);
    const params = { ...small, seed: 8, includePayments: false };
    const { outcome, detail, runId } = await run("wallet-sample", params);
    expect(outcome).toMatchObject({ status: "succeeded" });
    expect(detail.steps[0]!.output).not.toHaveProperty("paymentsKey");
    expect(await count("SELECT count(*) AS n FROM raw.wallet_payments")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_payments")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers")).toBe(generateWallet(walletSampleParams.parse(params)).stats.buyers);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers WHERE in_payments")).toBe(0);
    const files = await query<{ name: string; rows: number }>("SELECT name, rows FROM ops.ingested_files WHERE run_id = $1 ORDER BY name", [runId]);
    expect(files).toContainEqual({ name: "PAYMENTS.csv (absent)", rows: 0 });
  });

  it("stops a bad export (half the labels 'maybe') at the gate and leaves staging unchanged", async () => {
    const before = await count("SELECT count(*) AS n FROM staging.wallet_buyers");
    expect(before).toBeGreaterThan(0);
    const rawEvaluateChecksum = async () =>
      (await query<{ c: string }>("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.file_id, t.source_line), '')) AS c FROM raw.wallet_evaluate t"))[0].c;
    const rawBefore = await rawEvaluateChecksum();
    const data = generateWallet(walletSampleParams.parse({ buyers: 400, seed: 9, includePayments: false }));
    const evaluate = data.csv["EVALUATE.csv"].split("\n").map((line, i) => (i > 0 && i % 2 === 0 && line ? `${line.split(",")[0]},maybe` : line)).join("\n");
    const prefix = "datasets/wallet/test-uploads/labels-maybe";
    const meta = { kind: "upload", contentType: "text/csv" };
    const keys = {
      evaluateKey: `${prefix}/EVALUATE.csv`, activeUserKey: `${prefix}/ACTIVE_USER.csv`, demograficosKey: `${prefix}/DEMOGRAFICOS.csv`,
      dineroCuentaKey: `${prefix}/DINERO_CUENTA.csv`, marketplaceDataKey: `${prefix}/MARKETPLACE_DATA.csv`,
    };
    await putArtifact(keys.evaluateKey, evaluate, meta);
    for (const f of ["ACTIVE_USER.csv", "DEMOGRAFICOS.csv", "DINERO_CUENTA.csv", "MARKETPLACE_DATA.csv"] as const) await putArtifact(`${prefix}/${f}`, data.csv[f], meta);

    const { outcome, detail } = await run("wallet-ingest", { ...keys, paymentsKey: "" });
    expect(outcome).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(outcome.error).toMatch(/wallet\.evaluate: LABEL_INVALID/);
    // The gate runs on the staged rows inside the load step, before the swap: raw.* is unchanged too.
    expect(detail.steps.map((s) => [s.stepId, s.status])).toEqual([["load-raw-tables", "failed"], ["validate-raw", "skipped"], ["build-staging", "skipped"]]);
    expect(await count("SELECT count(*) AS n FROM staging.wallet_buyers")).toBe(before);
    expect(await rawEvaluateChecksum()).toBe(rawBefore);
  });

  it("rejects an ingest whose required file key is missing, naming the file", async () => {
    const { outcome } = await run("wallet-ingest", {
      evaluateKey: "datasets/wallet/test-uploads/nope/EVALUATE.csv", activeUserKey: "a/ACTIVE_USER.csv", demograficosKey: "a/DEMOGRAFICOS.csv",
      dineroCuentaKey: "a/DINERO_CUENTA.csv", marketplaceDataKey: "a/MARKETPLACE_DATA.csv",
    });
    expect(outcome).toMatchObject({ status: "failed", failureKind: "error" });
    expect(outcome.error).toMatch(/EVALUATE\.csv \(artifact datasets\/wallet\/test-uploads\/nope\/EVALUATE\.csv not found\)/);
  });
});
