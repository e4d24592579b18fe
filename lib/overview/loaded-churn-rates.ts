import "server-only";
import { getPool } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import { storedColumns } from "../sources/tabular/dataset-columns.ts";
import { stagingTableName } from "../sources/tabular/tabular-names.ts";

export interface ChurnRate {
  key: string;
  title: string;
  /** What the share is of, in plain words (the label differs per source). */
  definition: string;
  table: string;
  labelled: number;
  churned: number;
  /** churned / labelled, null when nothing is labelled. */
  rate: number | null;
}

const rateOf = (churned: number, labelled: number) => (labelled > 0 ? churned / labelled : null);

// E-learning has no label in staging: its churn label (no active day in the 30 days after an as-of date) is built per
// user and date with the features, so the Overview does not guess it here; the page says so.

/** The wallet's EVALUATE label share, then each uploaded dataset's target share (its newest loaded version). */
export async function loadedChurnRates(): Promise<ChurnRate[]> {
  const { pool } = await getPool();
  const [wallet, versions] = await Promise.all([
    pool.query<{ labelled: number; churned: number }>(`SELECT count(*)::int AS labelled, coalesce(sum(churn), 0)::int AS churned FROM staging.wallet_buyers`),
    pool.query<{ slug: string; name: string; version: number; columns: unknown }>(
      `SELECT DISTINCT ON (d.id) d.slug, d.name, v.version, v.columns FROM ops.datasets d JOIN ops.dataset_versions v ON v.dataset_id = d.id
        WHERE v.status = 'loaded' ORDER BY d.id, v.version DESC`,
    ),
  ]);
  const out: ChurnRate[] = [];
  const w = wallet.rows[0];
  if (w.labelled > 0) {
    out.push({ key: "wallet", title: "Marketplace wallet", definition: "buyers labelled churn in EVALUATE (no purchase in the next two months)", table: "staging.wallet_buyers", ...w, rate: rateOf(w.churned, w.labelled) });
  }
  for (const v of versions.rows) {
    const target = storedColumns(v.columns).find((c) => c.role === "target");
    const table = stagingTableName(v.slug, v.version);
    if (!target) continue;
    const { rows } = await pool.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [ident(table)]);
    if (!rows[0].present) continue;
    const counts = await pool.query<{ labelled: number; churned: number }>(
      `SELECT count(*)::int AS labelled, coalesce(sum(${ident(target.column)}), 0)::int AS churned FROM ${ident(table)}`,
    );
    const c = counts.rows[0];
    out.push({ key: `dataset:${v.slug}`, title: `${v.name} (version ${v.version})`, definition: `rows whose target column "${target.name}" is the churn value`, table, ...c, rate: rateOf(c.churned, c.labelled) });
  }
  return out;
}
