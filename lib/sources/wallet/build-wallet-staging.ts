import type pg from "pg";
import { getDb } from "../../db/client.ts";
import { createSideTable, dropOrphanSideTables, lineRanges, swapInTable } from "../../db/side-table.ts";
import { withTransaction } from "../../db/sql.ts";
import { sqlTrimAscii } from "../../values/trim-ascii.ts";
import {
  WALLET_ACTIVE_USER, WALLET_DEMOGRAFICOS, WALLET_DINERO_CUENTA, WALLET_EVALUATE, WALLET_MARKETPLACE_DATA, WALLET_PAYMENTS,
  type WalletFileName, type WalletFileSpec,
} from "./wallet-tables.ts";

// raw.wallet_* (text, as exported) -> staging.wallet_* (typed, normalised), set-based. Casts are plain because the
// gate ran first: every row whose id, number or date would not cast broke a fail-severity expectation and is in
// dqm.rejects, and rejected rows are skipped here. Enums are lower-cased and trimmed, and unlisted values are kept.

/** How one file matched the labelled buyers: unmatched buyers are counted and shown, not dropped silently. */
export type WalletFileCoverage = {
  /** rows in the raw table, and how many of them the gate rejected */
  rows: number;
  rejectedRows: number;
  /** distinct buyers among the valid rows */
  buyers: number;
  /** labelled buyers this file has a row for, and those it has none for */
  labelledBuyers: number;
  unmatchedLabelledBuyers: number;
  /** labelledBuyers / all labelled buyers (0 when there are none) */
  coverage: number;
  /** buyers in this file that EVALUATE.csv does not label (not in staging.wallet_buyers) */
  buyersNotInEvaluate: number;
  /** valid rows beyond the first of a buyer: ignored for side files, the normal case for PAYMENTS */
  rowsBeyondFirst: number;
};

export type WalletStagingSummary = {
  /** rows in staging.wallet_buyers: one per distinct valid labelled buyer */
  buyers: number;
  churned: number;
  payments: number;
  /** EVALUATE.csv accounting: rows = buyers + rejectedRows + repeatedIds, so no label is lost unseen */
  labels: { rows: number; rejectedRows: number; repeatedIds: number; buyers: number };
  coverage: Record<Exclude<WalletFileName, "EVALUATE.csv">, WalletFileCoverage>;
};

const id = (c: string) => `NULLIF(${sqlTrimAscii(c)}, '')::numeric::bigint`;
const num = (c: string) => `NULLIF(${sqlTrimAscii(c)}, '')::float8`;
/**
 * Both accepted layouts (YYYY-MM-DD and YYYY-MM-DD HH:MI:SS) start with an ISO date, which ::date reads under any
 * DateStyle; it is cheaper than to_date per row (500k payment rows).
 */
const day = (c: string) => `left(NULLIF(${sqlTrimAscii(c)}, ''), 10)::date`;
const category = (c: string) => `NULLIF(lower(${sqlTrimAscii(c)}), '')`;
const text = (c: string) => `NULLIF(${sqlTrimAscii(c)}, '')`;
/** Not rejected by this run's gate ($1 = its dq run ids), like build-elearning-staging.ts. */
const valid = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY($1::uuid[]) AND j.file_id = ${alias}.file_id AND j.source_line = ${alias}.source_line)`;

/**
 * The valid rows of a raw table, MATERIALIZED so the planner cannot push a cast on a filtered column below the
 * reject check (qual order inside one scan is by cost, and a rejected "abc" id would make the cast raise).
 */
const validRows = (name: string, spec: WalletFileSpec) => `${name} AS MATERIALIZED (SELECT r.* FROM ${spec.table} r WHERE ${valid("r")})`;

/** The first valid row per buyer (lowest line) of `rows`, with the parsed id as buyer_id. */
const firstRows = (rows: string) => `
  SELECT DISTINCT ON (buyer_id) * FROM (SELECT ${id("v.cus_cust_id_buy")} AS buyer_id, v.* FROM ${rows} v) s
   WHERE buyer_id IS NOT NULL ORDER BY buyer_id, file_id, source_line`;

/**
 * Inserted in (buyer, date) order: rows land clustered by buyer for the per-buyer windows of feature SQL, and the
 * (buyer_id, fecha) index grows at its end (measured once on a busy machine, 512k rows: embedded 9 s instead of 14 s, Postgres ~4 s either way).
 */
const insertPayments = (into: string, ranged: boolean) => `
  INSERT INTO ${into} (fecha, seller_id, buyer_id, spent, segment, descuento, file_id, source_line)
  SELECT ${day("r.fecha")}, ${id("r.cus_cust_id_sel")}, ${id("r.cus_cust_id_buy")}, ${num("r.spent")}, ${category("r.tpv_segment_detail")},
         ${num("r.descuento")}, r.file_id, r.source_line
    FROM ${WALLET_PAYMENTS.table} r WHERE ${ranged ? "r.file_id = $2 AND r.source_line BETWEEN $3 AND $4 AND " : ""}${valid("r")} ORDER BY 3, 1`;

const insertBuyers = (into: string, payments: string) => `
  WITH ${validRows("ev_rows", WALLET_EVALUATE)}, ${validRows("au_rows", WALLET_ACTIVE_USER)}, ${validRows("dm_rows", WALLET_DEMOGRAFICOS)},
       ${validRows("dc_rows", WALLET_DINERO_CUENTA)}, ${validRows("md_rows", WALLET_MARKETPLACE_DATA)},
  ev AS (
    SELECT DISTINCT ON (buyer_id) buyer_id, ${sqlTrimAscii("churn")}::numeric::int AS churn FROM (SELECT ${id("v.cus_cust_id_buy")} AS buyer_id, v.* FROM ev_rows v) s
     WHERE buyer_id IS NOT NULL ORDER BY buyer_id, file_id, source_line),
  au AS (${firstRows("au_rows")}),
  dm AS (${firstRows("dm_rows")}),
  dc AS (${firstRows("dc_rows")}),
  md AS (${firstRows("md_rows")})
  INSERT INTO ${into} (
    buyer_id, churn, mau_mp_3, mau_ml_3, mau_mp_2, mau_ml_2, mau_mp_1, mau_ml_1, last_login_mp_date_1, last_login_ml_date_1,
    city, gender, age_band, card_type, state, balance_1, balance_2, inversion, spent_ml, recency_ml, frequency_ml,
    in_active_user, in_demograficos, in_dinero_cuenta, in_marketplace_data, in_payments)
  SELECT ev.buyer_id, ev.churn,
         ${num("au.mau_mp_3")}, ${num("au.mau_ml_3")}, ${num("au.mau_mp_2")}, ${num("au.mau_ml_2")}, ${num("au.mau_mp_1")}, ${num("au.mau_ml_1")},
         ${day("au.last_login_mp_date_1")}, ${day("au.last_login_ml_date_1")},
         ${text("dm.city")}, ${category("dm.gender")}, ${category("dm.rango_edad")}, ${category("dm.tarjetas")}, ${text("dm.estado")},
         ${num("dc.plata_cuenta_1")}, ${num("dc.plata_cuenta_2")}, ${category("dc.inversion")},
         ${num("md.spent_ml")}, ${day("md.recency_ml")}, ${num("md.frequency_ml")},
         au.buyer_id IS NOT NULL, dm.buyer_id IS NOT NULL, dc.buyer_id IS NOT NULL, md.buyer_id IS NOT NULL,
         EXISTS (SELECT 1 FROM ${payments} p WHERE p.buyer_id = ev.buyer_id)
    FROM ev
    LEFT JOIN au ON au.buyer_id = ev.buyer_id
    LEFT JOIN dm ON dm.buyer_id = ev.buyer_id
    LEFT JOIN dc ON dc.buyer_id = ev.buyer_id
    LEFT JOIN md ON md.buyer_id = ev.buyer_id`;

const SIDE_FILES = [
  [WALLET_ACTIVE_USER, "in_active_user"], [WALLET_DEMOGRAFICOS, "in_demograficos"], [WALLET_DINERO_CUENTA, "in_dinero_cuenta"],
  [WALLET_MARKETPLACE_DATA, "in_marketplace_data"],
] as const;

/** Coverage of a side file, from its raw table minus rejects (first row per buyer is all staging keeps of it). */
async function sideCoverage(client: pg.PoolClient, dqRunIds: readonly string[], spec: WalletFileSpec, flag: string, labelled: number): Promise<WalletFileCoverage> {
  return coverage(client, labelled, flag, `WITH ${validRows("side_rows", spec)}, side AS (SELECT ${id("v.cus_cust_id_buy")} AS buyer_id, count(*) AS n FROM side_rows v GROUP BY 1)`,
    `(SELECT count(*) FROM ${spec.table})`, [dqRunIds]);
}

/** Coverage of PAYMENTS.csv, from staging.wallet_payments: it already holds exactly the valid rows, typed. */
async function paymentsCoverage(client: pg.PoolClient, labelled: number): Promise<WalletFileCoverage> {
  return coverage(client, labelled, "in_payments", "WITH side AS (SELECT buyer_id, count(*) AS n FROM staging.wallet_payments GROUP BY 1)", `(SELECT count(*) FROM ${WALLET_PAYMENTS.table})`, []);
}

/** `side` = one row per buyer (buyer_id, n = its valid rows). */
async function coverage(client: pg.PoolClient, labelled: number, flag: string, side: string, rawRows: string, params: unknown[]): Promise<WalletFileCoverage> {
  const { rows } = await client.query<{ rows: number; valid: number; buyers: number; labelled: number; not_in_evaluate: number }>(
    `${side}
     SELECT ${rawRows}::int AS rows, coalesce(sum(n), 0)::int AS valid, count(*)::int AS buyers,
            (SELECT count(*) FROM staging.wallet_buyers WHERE ${flag})::int AS labelled,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM staging.wallet_buyers b WHERE b.buyer_id = side.buyer_id))::int AS not_in_evaluate
       FROM side`,
    params,
  );
  const r = rows[0]!;
  return {
    rows: r.rows, rejectedRows: r.rows - r.valid, buyers: r.buyers, labelledBuyers: r.labelled, unmatchedLabelledBuyers: labelled - r.labelled,
    coverage: labelled ? Math.round((r.labelled / labelled) * 10_000) / 10_000 : 0, buyersNotInEvaluate: r.not_in_evaluate, rowsBeyondFirst: r.valid - r.buyers,
  };
}

/** Labels and per-file coverage of the staging tables just built (read-only). */
async function summarise(client: pg.PoolClient, dqRunIds: readonly string[], buyers: number, payments: number): Promise<WalletStagingSummary> {
  const { rows: [labels] } = await client.query<{ rows: number; valid: number; churned: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE ${valid("r")})::int AS valid,
            (SELECT count(*) FROM staging.wallet_buyers WHERE churn = 1)::int AS churned
       FROM ${WALLET_EVALUATE.table} r`,
    [dqRunIds],
  );
  const byFile = {} as WalletStagingSummary["coverage"];
  for (const [spec, flag] of SIDE_FILES) byFile[spec.fileName as keyof typeof byFile] = await sideCoverage(client, dqRunIds, spec, flag, buyers);
  byFile["PAYMENTS.csv"] = await paymentsCoverage(client, buyers);
  return {
    buyers, churned: labels!.churned, payments,
    labels: { rows: labels!.rows, rejectedRows: labels!.rows - labels!.valid, repeatedIds: labels!.valid - buyers, buyers },
    coverage: byFile,
  };
}

/**
 * Rebuilds staging.wallet_payments and staging.wallet_buyers from the raw tables minus this run's rejects, both at
 * once for readers: one row per labelled buyer, joined with the first valid row per buyer of each side file (in_*
 * say which files had one). Returns counts and, per file, how it covered the labelled buyers. Real Postgres: one
 * transaction. Embedded engine: payments are inserted in chunks of raw lines into side tables, swapped in by one
 * short transaction, because a 500k-row statement would stall every other connection (lib/db/side-table.ts); the
 * chunks are each in (buyer, date) order, not the whole table.
 */
export async function buildWalletStaging(dqRunIds: readonly string[]): Promise<WalletStagingSummary> {
  const { engine, pool } = await getDb();
  if (engine === "postgres") {
    return withTransaction(async (client) => {
      await client.query("TRUNCATE staging.wallet_buyers, staging.wallet_payments");
      const payments = (await client.query(insertPayments("staging.wallet_payments", false), [dqRunIds])).rowCount ?? 0;
      const buyers = (await client.query(insertBuyers("staging.wallet_buyers", "staging.wallet_payments"), [dqRunIds])).rowCount ?? 0;
      return summarise(client, dqRunIds, buyers, payments);
    });
  }
  const client = await pool.connect();
  const sides: string[] = [];
  try {
    await dropOrphanSideTables(client, "staging");
    const sidePayments = await createSideTable(client, "staging.wallet_payments");
    sides.push(sidePayments);
    let payments = 0;
    for (const r of await lineRanges(client, WALLET_PAYMENTS.table)) {
      payments += (await client.query(insertPayments(sidePayments, true), [dqRunIds, r.fileId, r.from, r.to])).rowCount ?? 0;
    }
    const sideBuyers = await createSideTable(client, "staging.wallet_buyers");
    sides.push(sideBuyers);
    const buyers = (await client.query(insertBuyers(sideBuyers, sidePayments), [dqRunIds])).rowCount ?? 0;
    await client.query("BEGIN");
    try {
      await swapInTable(client, "staging.wallet_payments", sidePayments);
      await swapInTable(client, "staging.wallet_buyers", sideBuyers);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    sides.length = 0;
    return await summarise(client, dqRunIds, buyers, payments);
  } finally {
    for (const side of sides) await client.query(`DROP TABLE IF EXISTS ${side}`).catch(() => {});
    client.release();
  }
}
