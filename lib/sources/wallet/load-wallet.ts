import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "../../errors.ts";
import { findArtifact, putArtifact } from "../../storage/artifact-records.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import type { CsvEncoding } from "../csv/text-encoding.ts";
import { replaceTablesFromCsv, type CsvFileToLoad, type LoadedFile, type ReplaceOptions } from "../replace-tables-from-csv.ts";
import { headerLine, WALLET_FILES, WALLET_PAYMENTS, type WalletFileName, type WalletFileSpec } from "./wallet-tables.ts";

/** Artifact keys of one wallet export; PAYMENTS.csv may be absent. */
export interface WalletKeys {
  evaluateKey: string;
  activeUserKey: string;
  demograficosKey: string;
  dineroCuentaKey: string;
  marketplaceDataKey: string;
  paymentsKey?: string;
  encoding?: CsvEncoding;
}

/** Which WalletKeys field holds which file. */
export const WALLET_KEY_FIELDS: Record<WalletFileName, keyof Omit<WalletKeys, "encoding">> = {
  "EVALUATE.csv": "evaluateKey",
  "ACTIVE_USER.csv": "activeUserKey",
  "DEMOGRAFICOS.csv": "demograficosKey",
  "DINERO_CUENTA.csv": "dineroCuentaKey",
  "MARKETPLACE_DATA.csv": "marketplaceDataKey",
  "PAYMENTS.csv": "paymentsKey",
};

const SOURCE = "wallet";

/**
 * An absent PAYMENTS.csv still replaces raw.wallet_payments: loading a header-only file empties the table in the
 * same transaction as the other five, so an earlier export's payments never mix with this one's buyers.
 */
function absentPayments(encoding?: CsvEncoding): CsvFileToLoad {
  const header = headerLine(WALLET_PAYMENTS);
  return {
    source: SOURCE, fileName: "PAYMENTS.csv (absent)", table: WALLET_PAYMENTS.table, columns: WALLET_PAYMENTS.columns, encoding,
    bytes: Buffer.byteLength(header), open: async () => Readable.from([Buffer.from(header)]),
  };
}

/** Loads one export into the six raw.wallet_* tables at once (replacing them); every file's columns are text. */
async function loadWalletFiles(found: Map<WalletFileSpec, Omit<CsvFileToLoad, "source" | "fileName" | "table" | "columns">>, encoding: CsvEncoding | undefined, opts: ReplaceOptions): Promise<LoadedFile[]> {
  const files = WALLET_FILES.map((spec): CsvFileToLoad => {
    const file = found.get(spec);
    if (!file) return absentPayments(encoding);
    return { source: SOURCE, fileName: spec.fileName, table: spec.table, columns: spec.columns, encoding, ...file };
  });
  return replaceTablesFromCsv(files, opts);
}

/** Loads a wallet export from the artifact store into raw.wallet_*, replacing all six tables in one transaction. */
export async function loadWalletFromStore(keys: WalletKeys, opts: ReplaceOptions = {}): Promise<LoadedFile[]> {
  const store = getArtifactStore();
  const found = new Map<WalletFileSpec, Omit<CsvFileToLoad, "source" | "fileName" | "table" | "columns">>();
  const missing: string[] = [];
  for (const spec of WALLET_FILES) {
    const key = keys[WALLET_KEY_FIELDS[spec.fileName]];
    if (!key) {
      if (spec.required) missing.push(`${spec.fileName} (no key given)`);
      continue;
    }
    const head = await store.head(key);
    if (!head) missing.push(`${spec.fileName} (artifact ${key} not found)`);
    else found.set(spec, { artifactKey: key, bytes: head.bytes, expectedSha256: (await findArtifact(key))?.sha256, open: () => store.getStream(key) });
  }
  if (missing.length) throw new AppError("INVALID_INPUT", `wallet export incomplete: ${missing.join(", ")}. To fix: upload the file(s) and run again.`);
  return loadWalletFiles(found, keys.encoding, opts);
}

/**
 * The export's files in `dir`, matched case-insensitively by name (evaluate.csv, Evaluate.CSV, ...). Throws naming
 * every required file that is missing (all but PAYMENTS.csv) and any name that matches twice.
 */
export function findWalletFiles(dir: string): Partial<Record<WalletFileName, string>> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError("INVALID_INPUT", `not a directory: ${dir}`);
  const names = fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isFile());
  const found: Partial<Record<WalletFileName, string>> = {};
  const problems: string[] = [];
  for (const spec of WALLET_FILES) {
    const matches = names.filter((n) => n.toLowerCase() === spec.fileName.toLowerCase());
    if (matches.length > 1) problems.push(`${spec.fileName} matches ${matches.join(" and ")}`);
    else if (matches.length === 1) found[spec.fileName] = path.join(dir, matches[0]!);
    else if (spec.required) problems.push(`${spec.fileName} is missing`);
  }
  if (problems.length) {
    throw new AppError("INVALID_INPUT", `${dir}: ${problems.join("; ")} (required: ${WALLET_FILES.filter((f) => f.required).map((f) => f.fileName).join(", ")}; PAYMENTS.csv is optional; names are matched case-insensitively).`);
  }
  return found;
}

/** Loads a wallet export straight from a folder into raw.wallet_* (scripts, tests); PAYMENTS.csv may be absent. */
export async function loadWalletFromDir(dir: string, opts: ReplaceOptions & { encoding?: CsvEncoding } = {}): Promise<LoadedFile[]> {
  const paths = findWalletFiles(dir);
  const found = new Map<WalletFileSpec, Omit<CsvFileToLoad, "source" | "fileName" | "table" | "columns">>();
  for (const spec of WALLET_FILES) {
    const file = paths[spec.fileName];
    if (file) found.set(spec, { bytes: fs.statSync(file).size, open: async () => fs.createReadStream(file) });
  }
  return loadWalletFiles(found, opts.encoding, opts);
}

/**
 * Copies a folder's export into the artifact store under `prefix` (e.g. datasets/wallet/uploads/<stamp>) and returns
 * the keys for the wallet-ingest pipeline: what `churnops ingest wallet --dir D` does before it starts the run.
 */
export async function storeWalletDir(dir: string, prefix: string): Promise<WalletKeys> {
  const paths = findWalletFiles(dir);
  const keys: Partial<WalletKeys> = {};
  for (const spec of WALLET_FILES) {
    const file = paths[spec.fileName];
    if (!file) continue;
    const key = `${prefix}/${spec.fileName}`;
    await putArtifact(key, fs.createReadStream(file), { kind: "upload", contentType: "text/csv" });
    keys[WALLET_KEY_FIELDS[spec.fileName]] = key;
  }
  return keys as WalletKeys;
}

