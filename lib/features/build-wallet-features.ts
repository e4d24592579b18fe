import type pg from "pg";
import { getDb } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import { lineRanges } from "../db/side-table.ts";
import { snapshotOf } from "../lineage/snapshot-tables.ts";
import { forgetFeatureBuild, recordFeatureBuild } from "./feature-builds.ts";
import type { FeatureSpec } from "./feature-spec.ts";
import { WALLET_FEATURE_SET_VERSION, WALLET_FEATURE_TABLE } from "./feature-set-versions.ts";
import { createPaymentDaysTable, exportDateSql, insertPaymentDaysSql, insertSnapshotRowsSql, insertWeeklyRowsSql, walletFeatures } from "./wallet-feature-sql.ts";

/** Weekly snapshots training uses by default (the issue: "the last 8 weekly snapshots"). */
export const DEFAULT_WALLET_WEEKS = 8;
/** Buyers per statement on the embedded engine: ~20 grid weeks each, so ~40k grid rows per statement. */
export const EMBEDDED_BUYERS_PER_CHUNK = 2_000;
const EMBEDDED_PAYMENTS_PER_CHUNK = 50_000;
const WORK_MEM = "64MB";

export interface WalletFeatureBuild {
  table: string;
  sourceRunId: string;
  featureSetVersion: number;
  rows: number;
  /** rows with the EVALUATE label (all of them) and with the alternative "60 days inactive" label */
  labelledRows: number;
  inactiveLabelledRows: number;
  buyers: number;
  /** false: the export had no PAYMENTS rows, so one row per buyer at the export date and no payment columns */
  hasPayments: boolean;
  /** the export date (YYYY-MM-DD) and the as-of dates written, newest first */
  exportDate: string;
  asOfDates: string[];
  features: FeatureSpec[];
  durationMs: number;
}

type Found = { export_date: string; has_payments: boolean };

async function exportDate(client: pg.ClientBase, buyers: string, payments: string, sourceRunId: string): Promise<Found> {
  const { rows: [run] } = await client.query<{ day: string }>("SELECT to_char(created_at, 'YYYY-MM-DD') AS day FROM ops.pipeline_runs WHERE id = $1", [sourceRunId]);
  const { rows } = await client.query<Found>(exportDateSql(buyers, payments), [run?.day ?? "1970-01-01"]);
  return rows[0]!;
}

/** Buyer id ranges of about `size` buyers each (inclusive bounds, as text: ids are bigint). */
async function buyerRanges(client: pg.ClientBase, buyers: string, size: number): Promise<{ lo: string; hi: string }[]> {
  const { rows } = await client.query<{ lo: string; hi: string }>(
    `SELECT min(buyer_id)::text AS lo, max(buyer_id)::text AS hi FROM (SELECT buyer_id, (row_number() OVER (ORDER BY buyer_id) - 1) / ${size} AS chunk FROM ${ident(buyers)}) c
      GROUP BY chunk ORDER BY chunk`,
  );
  return rows;
}

/**
 * Builds features.churn_weekly_features from the staging snapshot of load run `sourceRunId`: with PAYMENTS rows,
 * one row per labelled buyer for each of the last `weeks` weekly as-of dates (the export date and the weeks before
 * it); without, one row per buyer at the export date from the side files. Buyers missing from a side file keep
 * their row, with nulls and has_<file> = false. Idempotent per (run, feature-set version).
 */
export async function buildWalletFeatures(opts: {
  sourceRunId: string;
  weeks?: number;
  signal?: AbortSignal;
  /** statement sizes on the embedded engine (tests make them tiny); real Postgres ignores them */
  chunks?: { buyers?: number; payments?: number };
}): Promise<WalletFeatureBuild> {
  const t0 = performance.now();
  const { sourceRunId, signal } = opts;
  const weeks = opts.weeks ?? DEFAULT_WALLET_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new RangeError(`buildWalletFeatures: weeks must be an integer from 1 to 52, got ${weeks}`);
  const buyersRel = (await snapshotOf(sourceRunId, "staging.wallet_buyers")).relation;
  const paymentsRel = (await snapshotOf(sourceRunId, "staging.wallet_payments")).relation;
  const { engine, pool } = await getDb();
  const client = await pool.connect();
  const version = WALLET_FEATURE_SET_VERSION;
  try {
    await client.query(`SET work_mem = '${WORK_MEM}'`);
    const found = await exportDate(client, buyersRel, paymentsRel, sourceRunId);
    const params = [sourceRunId, version, found.export_date, weeks];
    const embedded = engine === "embedded";
    // Real Postgres: everything in one transaction and one statement per stage; embedded: short statements, no
    // transaction, and per buyer range a delete + insert (the build row is removed first and written last).
    if (!embedded) await client.query("BEGIN");
    await forgetFeatureBuild(client, WALLET_FEATURE_TABLE, sourceRunId, version);
    if (found.has_payments) {
      await client.query("DROP TABLE IF EXISTS pg_temp.wallet_payment_days");
      await client.query(createPaymentDaysTable("wallet_payment_days"));
      const ranges = embedded ? await lineRanges(client, paymentsRel, opts.chunks?.payments ?? EMBEDDED_PAYMENTS_PER_CHUNK) : [null];
      for (const r of ranges) {
        signal?.throwIfAborted();
        if (r) await client.query(insertPaymentDaysSql("wallet_payment_days", paymentsRel, "p.file_id = $1 AND p.source_line BETWEEN $2 AND $3"), [r.fileId, r.from, r.to]);
        else await client.query(insertPaymentDaysSql("wallet_payment_days", paymentsRel));
      }
      await client.query("ANALYZE wallet_payment_days");
    }
    const ranges = embedded ? await buyerRanges(client, buyersRel, opts.chunks?.buyers ?? EMBEDDED_BUYERS_PER_CHUNK) : [null];
    for (const r of ranges) {
      signal?.throwIfAborted();
      const bounds = r ? [r.lo, r.hi] : [];
      await client.query(
        `DELETE FROM ${WALLET_FEATURE_TABLE} WHERE source_run_id = $1 AND feature_set_version = $2${r ? " AND buyer_id BETWEEN $3::bigint AND $4::bigint" : ""}`,
        [sourceRunId, version, ...bounds],
      );
      // The range bounds follow the statement's own parameters: $5/$6 after the weekly statement's four, $4/$5 after three.
      if (found.has_payments) {
        await client.query(insertWeeklyRowsSql(buyersRel, "wallet_payment_days", r ? "b.buyer_id BETWEEN $5::bigint AND $6::bigint" : "true"), [...params, ...bounds]);
      } else {
        await client.query(insertSnapshotRowsSql(buyersRel, r ? "b.buyer_id BETWEEN $4::bigint AND $5::bigint" : "true"), [...params.slice(0, 3), ...bounds]);
      }
    }
    await client.query("DROP TABLE IF EXISTS pg_temp.wallet_payment_days");
    const { rows: [c] } = await client.query<{ rows: number; labelled: number; inactive: number; buyers: number; as_of: string[] | null }>(
      `SELECT count(*)::int AS rows, count(churn)::int AS labelled, count(inactive_60d)::int AS inactive, count(DISTINCT buyer_id)::int AS buyers,
              array_agg(DISTINCT to_char(as_of, 'YYYY-MM-DD')) AS as_of
         FROM ${WALLET_FEATURE_TABLE} WHERE source_run_id = $1 AND feature_set_version = $2`,
      [sourceRunId, version],
    );
    const features = walletFeatures(found.has_payments);
    const asOfDates = [...(c!.as_of ?? [])].sort().reverse();
    const durationMs = performance.now() - t0;
    await recordFeatureBuild(client, {
      featureTable: WALLET_FEATURE_TABLE, sourceRunId, featureSetVersion: version, rows: c!.rows, labelledRows: c!.labelled, features,
      params: { weeks, exportDate: found.export_date, hasPayments: found.has_payments, asOfDates, buyersSnapshot: buyersRel, paymentsSnapshot: paymentsRel },
      durationMs,
    });
    if (!embedded) await client.query("COMMIT");
    await client.query("RESET work_mem");
    return {
      table: WALLET_FEATURE_TABLE, sourceRunId, featureSetVersion: version, rows: c!.rows, labelledRows: c!.labelled, inactiveLabelledRows: c!.inactive,
      buyers: c!.buyers, hasPayments: found.has_payments, exportDate: found.export_date, asOfDates, features, durationMs,
    };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {}); // a warning only, outside a transaction
    await client.query("DROP TABLE IF EXISTS pg_temp.wallet_payment_days").catch(() => {});
    await client.query("RESET work_mem").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
