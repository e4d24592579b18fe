import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { query } from "../../db/sql.ts";
import { DataGateError } from "../../pipelines/pipeline-errors.ts";
import { runDataGate } from "../../quality/data-gate.ts";
import { buildWalletStaging } from "./build-wallet-staging.ts";
import { generateWallet } from "./generate-wallet.ts";
import { findWalletFiles, loadWalletFromDir } from "./load-wallet.ts";
import { walletSampleParams } from "./wallet-params.ts";
import { walletSuites } from "./wallet-suites.ts";
import { WALLET_RAW_TABLES } from "./wallet-tables.ts";

const BAD = path.resolve("data/bad/wallet");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wallet-load-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function rawCounts(): Promise<number[]> {
  const [r] = await query<{ n: number[] }>(`SELECT ARRAY[${WALLET_RAW_TABLES.map((t) => `(SELECT count(*)::int FROM ${t})`).join(", ")}] AS n`);
  return r!.n;
}

const stagedBuyers = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM staging.wallet_buyers"))[0]!.n);

/** Writes a generated export to a fresh folder, file names lower-cased (they are matched case-insensitively). */
function writeExport(name: string, overrides: object): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const data = generateWallet(walletSampleParams.parse(overrides));
  for (const [file, csv] of Object.entries(data.csv)) if (csv !== null) fs.writeFileSync(path.join(dir, file.toLowerCase()), csv);
  return dir;
}

describe("loadWalletFromDir", () => {
  it("finds files case-insensitively, loads an export without PAYMENTS.csv and stages every labelled buyer", async () => {
    const dir = writeExport("no-payments", { buyers: 300, seed: 5, includePayments: false });
    expect(Object.keys(findWalletFiles(dir)).sort()).toEqual(["ACTIVE_USER.csv", "DEMOGRAFICOS.csv", "DINERO_CUENTA.csv", "EVALUATE.csv", "MARKETPLACE_DATA.csv"]);
    const loaded = await loadWalletFromDir(dir);
    expect(loaded.map((f) => f.fileName)).toContain("PAYMENTS.csv (absent)");
    expect(loaded.find((f) => f.table === "raw.wallet_payments")?.rows).toBe(0);
    const gate = await runDataGate(walletSuites, null);
    const staged = await buildWalletStaging(gate.dqRunIds);
    expect(staged.buyers).toBe(300);
    expect(staged.payments).toBe(0);
    expect(staged.coverage["PAYMENTS.csv"]).toMatchObject({ rows: 0, labelledBuyers: 0, unmatchedLabelledBuyers: 300, coverage: 0 });
  });

  it("rejects a few unreadable rows, stages the rest, and counts an id written two ways as one buyer", async () => {
    const dir = writeExport("few-bad-rows", { buyers: 300, seed: 11, quirks: false });
    const append = (file: string, line: string) => fs.appendFileSync(path.join(dir, file), `${line}\n`);
    const [firstId, firstLabel] = fs.readFileSync(path.join(dir, "evaluate.csv"), "utf8").split("\n")[1]!.split(",");
    append("evaluate.csv", `${firstId}.0,${firstLabel}`); // the same buyer again, as a float: text-unique, numerically not
    append("active_user.csv", "abc,1,0,1,0,1,0,,"); // unreadable id: the cast would raise if it reached staging
    append("active_user.csv", "99999999,lots,0,1,0,1,0,,");
    append("payments.csv", `2024-12-01,,${firstId},n/a,Instore,0.0`);
    await loadWalletFromDir(dir);
    const gate = await runDataGate(walletSuites, null);
    expect(gate.suites.find((s) => s.suite === "wallet.active_user")).toMatchObject({ status: "passed", rejectedRows: 2 }); // within `mostly`: rejected, not stopped
    const staged = await buildWalletStaging(gate.dqRunIds);
    expect(staged.labels).toEqual({ rows: 301, rejectedRows: 0, repeatedIds: 1, buyers: 300 });
    expect(staged.coverage["ACTIVE_USER.csv"]).toMatchObject({ rejectedRows: 2 });
    expect(staged.coverage["PAYMENTS.csv"]).toMatchObject({ rejectedRows: 1 });
    expect(staged.payments).toBe(staged.coverage["PAYMENTS.csv"].rows - 1);
    const [first] = await query<{ churn: number }>("SELECT churn FROM staging.wallet_buyers WHERE buyer_id = $1", [firstId]);
    expect(first?.churn).toBe(Number(firstLabel));
  });

  it("names a missing required file and leaves the raw tables as they were", async () => {
    const before = await rawCounts();
    await expect(loadWalletFromDir(path.join(BAD, "missing-evaluate"))).rejects.toThrow(/EVALUATE\.csv is missing/);
    expect(await rawCounts()).toEqual(before);
  });

  it("refuses a folder where a file name matches twice", async () => {
    const dir = writeExport("twice", { buyers: 50, seed: 1 });
    fs.copyFileSync(path.join(dir, "evaluate.csv"), path.join(dir, "EVALUATE.csv"));
    expect(() => findWalletFiles(dir)).toThrow(/EVALUATE\.csv matches (EVALUATE\.csv and evaluate\.csv|evaluate\.csv and EVALUATE\.csv)/);
  });

  it("rejects a header without a contract column, naming file and line, and changes nothing", async () => {
    const before = await rawCounts();
    await expect(loadWalletFromDir(path.join(BAD, "wrong-header"))).rejects.toThrow(/ACTIVE_USER\.csv line 1: missing column\(s\) "last_login_ml_date_1"/);
    expect(await rawCounts()).toEqual(before);
  });

  it("loads an export whose labels are half 'maybe', then the gate stops it before staging", async () => {
    const staged = await stagedBuyers();
    expect(staged).toBe(300);
    await loadWalletFromDir(path.join(BAD, "labels-maybe"));
    expect(await rawCounts()).toEqual([10, 4, 5, 3, 2, 0]);
    const failure = await runDataGate(walletSuites, null).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DataGateError);
    expect((failure as Error).message).toMatch(/wallet\.evaluate: LABEL_INVALID/);
    // Unlisted categories and repeated side rows are warnings: they never stop the gate.
    expect((failure as Error).message).not.toMatch(/UNLISTED/);
    expect(await stagedBuyers()).toBe(staged);
  });
});
