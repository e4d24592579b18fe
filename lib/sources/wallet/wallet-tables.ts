import type { CsvColumnSpec } from "../csv/column-types.ts";

// The marketplace-wallet contract (ARCHITECTURE §6.2) as file specs: CSV file -> raw.* table, header -> column.
// Every column is text: real exports write ids as floats, "" for nulls and mixed-case enums, so the loader keeps
// what was written and the suites (wallet-suites.ts) judge it, instead of failing a whole file on one odd value.

export type WalletFileName = "PAYMENTS.csv" | "ACTIVE_USER.csv" | "DEMOGRAFICOS.csv" | "DINERO_CUENTA.csv" | "MARKETPLACE_DATA.csv" | "EVALUATE.csv";

export interface WalletFileSpec {
  fileName: WalletFileName;
  /** raw.* table, one text column per header (lowercased) plus file_id and source_line */
  table: string;
  /** CSV headers exactly as real exports write them, in their usual order */
  headers: readonly string[];
  columns: readonly CsvColumnSpec[];
  /** PAYMENTS may be absent (it is the largest file and some exports leave it out); the others must be there. */
  required: boolean;
}

function fileSpec(fileName: WalletFileName, table: string, headers: readonly string[], required = true): WalletFileSpec {
  const columns = headers.map((name): CsvColumnSpec => ({ name, column: name.toLowerCase(), type: "text", required: false, pgType: "text" }));
  return { fileName, table, headers, columns, required };
}

export const WALLET_PAYMENTS = fileSpec("PAYMENTS.csv", "raw.wallet_payments",
  ["FECHA", "CUS_CUST_ID_SEL", "CUS_CUST_ID_BUY", "SPENT", "TPV_SEGMENT_DETAIL", "DESCUENTO"], false);
export const WALLET_ACTIVE_USER = fileSpec("ACTIVE_USER.csv", "raw.wallet_active_user",
  ["CUS_CUST_ID_BUY", "MAU_MP_3", "MAU_ML_3", "MAU_MP_2", "MAU_ML_2", "MAU_MP_1", "MAU_ML_1", "last_login_mp_date_1", "last_login_ml_date_1"]);
export const WALLET_DEMOGRAFICOS = fileSpec("DEMOGRAFICOS.csv", "raw.wallet_demograficos",
  ["CITY", "CUS_CUST_ID_BUY", "GENDER", "RANGO_EDAD", "TARJETAS", "ESTADO"]);
export const WALLET_DINERO_CUENTA = fileSpec("DINERO_CUENTA.csv", "raw.wallet_dinero_cuenta",
  ["CUS_CUST_ID_BUY", "PLATA_CUENTA_1", "PLATA_CUENTA_2", "INVERSION"]);
export const WALLET_MARKETPLACE_DATA = fileSpec("MARKETPLACE_DATA.csv", "raw.wallet_marketplace_data",
  ["CUS_CUST_ID_BUY", "SPENT_ML", "RECENCY_ML", "FREQUENCY_ML"]);
export const WALLET_EVALUATE = fileSpec("EVALUATE.csv", "raw.wallet_evaluate", ["CUS_CUST_ID_BUY", "churn"]);

/** All six, labels first: the order files are loaded and validated in. */
export const WALLET_FILES: readonly WalletFileSpec[] = [
  WALLET_EVALUATE, WALLET_ACTIVE_USER, WALLET_DEMOGRAFICOS, WALLET_DINERO_CUENTA, WALLET_MARKETPLACE_DATA, WALLET_PAYMENTS,
];

export const WALLET_RAW_TABLES: readonly string[] = WALLET_FILES.map((f) => f.table);

/** The header line a file starts with (also what an absent PAYMENTS.csv is replaced by: a header and no rows). */
export function headerLine(spec: WalletFileSpec): string {
  return `${spec.headers.join(",")}\n`;
}
