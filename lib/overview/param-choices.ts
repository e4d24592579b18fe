import "server-only";
import { getPool } from "../db/client.ts";
import type { ParamChoice } from "../ui/param-fields.ts";

/** Enough for any picker; older objects can still be typed in the API or the CLI. */
const MAX_CHOICES = 200;

/** Stored CSV files (CLI uploads and generated samples), newest first, for the ingest pipelines' key pickers. */
export async function storedCsvChoices(): Promise<ParamChoice[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<{ key: string; createdAt: Date; bytes: string }>(
    `SELECT key, created_at AS "createdAt", bytes::text AS bytes FROM ops.artifacts
      WHERE content_type = 'text/csv' AND kind IN ('upload', 'dataset') ORDER BY created_at DESC, key LIMIT $1`,
    [MAX_CHOICES],
  );
  return rows.map((r) => ({ value: r.key, label: `${r.key} (${r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC)` }));
}

/** Dataset versions whose column types are confirmed (loadable), newest first, for tabular-load's picker. */
export async function datasetVersionChoices(): Promise<ParamChoice[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<{ id: string; name: string; version: number; status: string }>(
    `SELECT v.id, d.name, v.version, v.status FROM ops.dataset_versions v JOIN ops.datasets d ON d.id = v.dataset_id
      WHERE v.status IN ('confirmed', 'loaded', 'failed') ORDER BY v.created_at DESC, v.id LIMIT $1`,
    [MAX_CHOICES],
  );
  return rows.map((r) => ({ value: r.id, label: `${r.name} version ${r.version} (${r.status})` }));
}
