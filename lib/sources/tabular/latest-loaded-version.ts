import { query } from "../../db/sql.ts";

/** The newest loaded version of dataset `slug`, or of any dataset when no slug is given; null when none is loaded. */
export async function latestLoadedVersion(slug?: string): Promise<{ id: string; slug: string; version: number } | null> {
  const [row] = await query<{ id: string; slug: string; version: number }>(
    `SELECT v.id::text AS id, d.slug, v.version
       FROM ops.dataset_versions v JOIN ops.datasets d ON d.id = v.dataset_id
       LEFT JOIN ops.pipeline_runs r ON r.id = v.run_id
      WHERE v.status = 'loaded' AND ($1::text IS NULL OR d.slug = $1)
      ORDER BY r.finished_at DESC NULLS LAST, v.created_at DESC
      LIMIT 1`,
    [slug ?? null],
  );
  return row ?? null;
}
