import "server-only";
import { ident, query } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import type { FeatureKind } from "../ml/types.ts";
import { latestLoadedVersion } from "../sources/tabular/latest-loaded-version.ts";
import { ELEARNING_FEATURE_SET_VERSION, ELEARNING_FEATURE_TABLE, WALLET_FEATURE_SET_VERSION, WALLET_FEATURE_TABLE } from "./feature-set-versions.ts";
import { tabularFeatureSource } from "./tabular-feature-source.ts";

/** One customer's feature values as the prediction API takes them: numbers, true/false, YYYY-MM-DD, text, null. */
export type CustomerRow = Record<string, number | boolean | string | null>;

export interface CustomerFeatureRow {
  entityId: string;
  /** the as-of day of the row (panel data), or null for one-row-per-customer tables */
  asOf: string | null;
  /** where the row was read, for the page ("features.elearning_user_day, latest as-of day") */
  source: string;
  row: CustomerRow;
}

/** SELECT expression per kind: dates as text so they reach the form as YYYY-MM-DD. */
function selectExpr(name: string, kind: FeatureKind): string {
  const c = `t.${ident(name)}`;
  if (kind === "numeric") return `${c}::float8`;
  if (kind === "boolean") return `${c}::boolean`;
  if (kind === "date") return `to_char(${c}::date, 'YYYY-MM-DD')`;
  return `${c}::text`;
}

const PANEL = {
  elearning: { table: ELEARNING_FEATURE_TABLE, version: ELEARNING_FEATURE_SET_VERSION, entity: "user_id", what: "user" },
  wallet: { table: WALLET_FEATURE_TABLE, version: WALLET_FEATURE_SET_VERSION, entity: "buyer_id", what: "buyer" },
} as const;

/**
 * The latest feature row of one customer of a model's dataset, for the what-if form's "look up a customer":
 * e-learning → the newest as-of day of that user in the newest finished build of features.elearning_user_day;
 * wallet → the newest week of that buyer in features.churn_weekly_features; `table:<slug>` → the row with that id in
 * the newest loaded version's snapshot. Only `features` (the model's) are read; one the source lacks is null.
 * Returns null when the customer is not there.
 * @throws AppError INVALID_INPUT for an id that cannot be one (non-integer user ids), NOT_FOUND when the dataset has no rows yet
 */
export async function customerFeatureRow(dataset: string, entityId: string, features: readonly { name: string; kind: FeatureKind }[]): Promise<CustomerFeatureRow | null> {
  const id = entityId.trim();
  if (dataset === "elearning" || dataset === "wallet") {
    const p = PANEL[dataset];
    if (!/^\d{1,18}$/.test(id)) throw new AppError("INVALID_INPUT", `A ${p.what} id is a whole number (for example 1042); "${id.slice(0, 40)}" is not.`);
    const [build] = await query<{ source_run_id: string; features: { name: string }[] }>(
      "SELECT source_run_id::text, features FROM features.feature_builds WHERE feature_table = $1 AND feature_set_version = $2 ORDER BY built_at DESC LIMIT 1",
      [p.table, p.version],
    );
    if (!build) throw new AppError("NOT_FOUND", `No features have been built for ${dataset} yet. To fix: run its training pipeline (train-${dataset}), which builds them.`, 404);
    const present = new Set(build.features.map((f) => f.name));
    const [row] = await query<Record<string, unknown>>(
      `SELECT to_char(t.as_of, 'YYYY-MM-DD') AS __as_of, ${columns(features, present)}
         FROM ${ident(p.table)} t WHERE t.source_run_id = $1::uuid AND t.feature_set_version = $2 AND t.${ident(p.entity)} = $3::bigint
        ORDER BY t.as_of DESC LIMIT 1`,
      [build.source_run_id, p.version, id],
    );
    return row ? { entityId: id, asOf: row.__as_of as string, source: `${p.table}, latest as-of day`, row: pick(row, features) } : null;
  }
  if (dataset.startsWith("table:")) {
    const slug = dataset.slice("table:".length);
    const version = await latestLoadedVersion(slug);
    if (!version) throw new AppError("NOT_FOUND", `Dataset ${slug} has no loaded version. To fix: load it on /data/upload.`, 404);
    const src = await tabularFeatureSource(version.id);
    const present = new Set(src.features.map((f) => f.name));
    const [row] = await query<Record<string, unknown>>(
      `SELECT ${columns(features, present)} FROM ${ident(src.relation)} t WHERE t.${ident(src.entityColumn)}::text = $1 LIMIT 1`,
      [id],
    );
    return row ? { entityId: id, asOf: null, source: `dataset ${slug} v${version.version}`, row: pick(row, features) } : null;
  }
  throw new AppError("INVALID_INPUT", `Customers of dataset "${dataset}" cannot be looked up (only e-learning, wallet and uploaded tables). Enter the values by hand.`);
}

/** The model's features the source has, by name; the rest are read as NULL so every feature gets a key. */
function columns(features: readonly { name: string; kind: FeatureKind }[], present: ReadonlySet<string>): string {
  return features.map((f, i) => `${present.has(f.name) ? selectExpr(f.name, f.kind) : "NULL"} AS f${i}`).join(", ") || "1";
}

function pick(row: Record<string, unknown>, features: readonly { name: string; kind: FeatureKind }[]): CustomerRow {
  return Object.fromEntries(features.map((f, i) => [f.name, (row[`f${i}`] ?? null) as number | boolean | string | null]));
}
