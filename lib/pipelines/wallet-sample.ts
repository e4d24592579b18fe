import { z } from "zod";
import { CSV_ENCODINGS } from "../sources/csv/text-encoding.ts";
import { buildWalletStaging } from "../sources/wallet/build-wallet-staging.ts";
import { generateWallet } from "../sources/wallet/generate-wallet.ts";
import { loadWalletFromStore, WALLET_KEY_FIELDS, type WalletKeys } from "../sources/wallet/load-wallet.ts";
import { walletSampleParams } from "../sources/wallet/wallet-params.ts";
import { walletSuites } from "../sources/wallet/wallet-suites.ts";
import { WALLET_FILES } from "../sources/wallet/wallet-tables.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { runArtifactKey } from "../storage/run-artifact-key.ts";
import { artifactKeyParam, gatedLoadStep, gateSteps } from "./gate-steps.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { jsonObject, toJsonObject } from "./step-outputs.ts";

/** Both wallet pipelines replace the same raw tables, so they never run at the same time. */
const WALLET_CONCURRENCY_KEY = "raw.wallet";

/** The load step shared by the sample and the ingest pipeline: reads keys from params or an earlier step. */
export function loadWalletStep<P>(keysOf: (ctx: StepContext<P>) => WalletKeys) {
  return gatedLoadStep(walletSuites, keysOf, loadWalletFromStore);
}

/** The data gate and the staging build, shared by every wallet pipeline. */
export const walletGateSteps = gateSteps(walletSuites, buildWalletStaging, "typing rows and joining side files to labelled buyers");

const walletKeysOutput = z.object({
  evaluateKey: z.string(),
  activeUserKey: z.string(),
  demograficosKey: z.string(),
  dineroCuentaKey: z.string(),
  marketplaceDataKey: z.string(),
  paymentsKey: z.string().optional(),
});

const generateWalletCsvs = defineStep({
  id: "generate-csvs",
  title: "Generate CSVs",
  output: walletKeysOutput.extend({ bytes: z.number().int(), stats: jsonObject }),
  async run({ runId, params, progress }: StepContext<z.infer<typeof walletSampleParams>>) {
    progress(0, "generating the six wallet files");
    const data = generateWallet(params);
    progress(0.5, "writing CSVs to the artifact store");
    const meta = { kind: "dataset", contentType: "text/csv", runId };
    const keys: Partial<WalletKeys> = {};
    let bytes = 0;
    for (const spec of WALLET_FILES) {
      const csv = data.csv[spec.fileName];
      if (csv === null) continue;
      // Run-scoped keys: a later run never overwrites the files an earlier run recorded.
      const key = runArtifactKey("wallet", runId, spec.fileName);
      bytes += (await putArtifact(key, csv, meta)).bytes;
      keys[WALLET_KEY_FIELDS[spec.fileName]] = key;
    }
    return { ...(keys as WalletKeys), bytes, stats: toJsonObject(data.stats) };
  },
});

export const walletSample = definePipeline({
  id: "wallet-sample",
  title: "Marketplace wallet sample data",
  description:
    "Generates a deterministic marketplace-wallet export (six CSVs with the quirks of real ones, ARCHITECTURE §6.2) into the artifact store, loads it into raw.wallet_*, validates it with the wallet expectation suites (the data gate) and builds staging.wallet_buyers (one row per labelled buyer, with side-file coverage) and staging.wallet_payments.",
  params: walletSampleParams,
  concurrencyKey: () => WALLET_CONCURRENCY_KEY,
  retries: 2,
  steps: [generateWalletCsvs, loadWalletStep(({ output }) => output(generateWalletCsvs)), ...walletGateSteps],
});

const artifactKey = artifactKeyParam;

export const walletIngestParams = z.object({
  evaluateKey: artifactKey.describe("Artifact key of EVALUATE.csv (labels)"),
  activeUserKey: artifactKey.describe("Artifact key of ACTIVE_USER.csv"),
  demograficosKey: artifactKey.describe("Artifact key of DEMOGRAFICOS.csv"),
  dineroCuentaKey: artifactKey.describe("Artifact key of DINERO_CUENTA.csv"),
  marketplaceDataKey: artifactKey.describe("Artifact key of MARKETPLACE_DATA.csv"),
  // A form sends an empty field for "no file": that means PAYMENTS.csv is absent, not an invalid key.
  paymentsKey: z.preprocess((v) => (v === "" ? undefined : v), artifactKey.optional()).describe("Artifact key of PAYMENTS.csv (optional: without it every buyer gets in_payments = false)"),
  encoding: z.enum(CSV_ENCODINGS).default("auto").describe("Text encoding of the files (auto detects UTF-8 vs Windows-1252)"),
});

export const walletIngest = definePipeline({
  id: "wallet-ingest",
  title: "Ingest marketplace wallet files",
  description:
    "Loads a user-supplied wallet export (EVALUATE, ACTIVE_USER, DEMOGRAFICOS, DINERO_CUENTA, MARKETPLACE_DATA and optionally PAYMENTS .csv, already in the artifact store, e.g. via `churnops ingest wallet --dir D`) into raw.wallet_*, replacing what was there, validates it and rebuilds staging.wallet_*.",
  params: walletIngestParams,
  concurrencyKey: () => WALLET_CONCURRENCY_KEY,
  retries: 0,
  steps: [loadWalletStep<z.infer<typeof walletIngestParams>>(({ params }) => params), ...walletGateSteps],
});
