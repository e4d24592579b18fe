import "server-only";
import { getPool } from "../db/client.ts";
import { rawTableName } from "../sources/tabular/tabular-names.ts";
import { freshnessStatus, type FreshnessStatus } from "./freshness-status.ts";
import { FIXED_SOURCES } from "./load-sources.ts";

export interface SourceFreshness {
  /** "elearning", "wallet", or "dataset:<slug>" */
  key: string;
  title: string;
  kind: "fixed" | "dataset";
  status: FreshnessStatus;
  /** When the newest successful load finished (ISO). */
  loadedAt: string | null;
  /** Rows loaded by that load, per raw table. */
  tables: { table: string; rows: number }[];
  rows: number;
  rejectedRows: number;
  /** The run of the newest successful load, and the newest run whatever its status. */
  loadRunId: string | null;
  latestRunId: string | null;
  latestStatus: string | null;
  /** Where to look at it or fix it. */
  href: string;
  /** Pipeline that loads it (for an empty fixed source: what to run), and its quick-start params. */
  pipelineId: string;
  quickSample: Record<string, number> | null;
}

type RunRef = { id: string; status: string; finishedAt: Date | null };

/** The newest successful run and the newest run of some pipelines, each with the rows it loaded and rejected. */
async function loadsOf(pipelineIds: readonly string[]) {
  const { pool } = await getPool();
  const { rows } = await pool.query<{ kind: "ok" | "latest" } & RunRef>(
    `(SELECT 'ok' AS kind, id, status::text AS status, finished_at AS "finishedAt" FROM ops.pipeline_runs
       WHERE pipeline_id = ANY($1::text[]) AND status = 'succeeded' ORDER BY finished_at DESC NULLS LAST, id LIMIT 1)
     UNION ALL
     (SELECT 'latest', id, status::text, finished_at FROM ops.pipeline_runs
       WHERE pipeline_id = ANY($1::text[]) ORDER BY created_at DESC, id LIMIT 1)`,
    [pipelineIds],
  );
  return { ok: rows.find((r) => r.kind === "ok") ?? null, latest: rows.find((r) => r.kind === "latest") ?? null };
}

/** Rows per raw table recorded by one run's loads, and the rows its validations rejected. */
async function loadedBy(runId: string | null): Promise<{ tables: { table: string; rows: number }[]; rejectedRows: number }> {
  if (!runId) return { tables: [], rejectedRows: 0 };
  const { pool } = await getPool();
  const [files, dq] = await Promise.all([
    pool.query<{ table: string; rows: number }>(
      `SELECT table_name AS "table", sum(rows)::int AS rows FROM ops.ingested_files WHERE run_id = $1 AND status = 'loaded' GROUP BY table_name ORDER BY table_name`,
      [runId],
    ),
    pool.query<{ n: number }>(`SELECT coalesce(sum(rejected_rows), 0)::int AS n FROM dqm.dq_runs WHERE run_id = $1`, [runId]),
  ]);
  return { tables: files.rows, rejectedRows: dq.rows[0].n };
}

async function fixedSources(now: Date): Promise<SourceFreshness[]> {
  return Promise.all(
    FIXED_SOURCES.map(async (s) => {
      const { ok, latest } = await loadsOf(s.pipelineIds);
      const loaded = await loadedBy(ok?.id ?? null);
      const loadedAt = ok?.finishedAt?.toISOString() ?? null;
      return {
        key: s.source, title: s.title, kind: "fixed" as const,
        status: freshnessStatus({ loadedAt, latestStatus: latest?.status ?? null, now }),
        loadedAt, ...loaded, rows: loaded.tables.reduce((a, t) => a + t.rows, 0),
        loadRunId: ok?.id ?? null, latestRunId: latest?.id ?? null, latestStatus: latest?.status ?? null,
        href: latest && latest.status !== "succeeded" ? `/runs/${latest.id}` : "/data", pipelineId: s.samplePipelineId, quickSample: s.quickSample,
      };
    }),
  );
}

type DatasetRow = {
  slug: string; name: string; loadedVersion: number | null; rows: number | null; loadedAt: Date | null; loadRunId: string | null;
  latestRunId: string | null; latestStatus: string | null; rejectedRows: number;
};

/** Each uploaded dataset: its newest loaded version, and the newest tabular-load run of any of its versions. */
async function datasets(now: Date): Promise<SourceFreshness[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<DatasetRow>(
    `SELECT d.slug, d.name, lv.version AS "loadedVersion", lv.rows, lr.finished_at AS "loadedAt", lv.run_id AS "loadRunId",
            nr.id AS "latestRunId", nr.status AS "latestStatus",
            coalesce((SELECT sum(q.rejected_rows) FROM dqm.dq_runs q WHERE q.run_id = lv.run_id), 0)::int AS "rejectedRows"
       FROM ops.datasets d
       LEFT JOIN LATERAL (SELECT v.version, v.rows, v.run_id FROM ops.dataset_versions v
                           WHERE v.dataset_id = d.id AND v.status = 'loaded' ORDER BY v.version DESC LIMIT 1) lv ON true
       LEFT JOIN ops.pipeline_runs lr ON lr.id = lv.run_id
       LEFT JOIN LATERAL (SELECT r.id, r.status::text AS status FROM ops.pipeline_runs r
                           WHERE r.pipeline_id = 'tabular-load'
                             AND r.params->>'versionId' IN (SELECT v.id::text FROM ops.dataset_versions v WHERE v.dataset_id = d.id)
                           ORDER BY r.created_at DESC, r.id LIMIT 1) nr ON true
      ORDER BY d.name, d.slug`,
  );
  return rows.map((d) => {
    const loadedAt = d.loadedAt?.toISOString() ?? null;
    const table = d.loadedVersion === null ? null : rawTableName(d.slug, d.loadedVersion);
    return {
      key: `dataset:${d.slug}`, title: d.loadedVersion === null ? d.name : `${d.name} (version ${d.loadedVersion})`, kind: "dataset" as const,
      status: freshnessStatus({ loadedAt, latestStatus: d.latestStatus, now }),
      loadedAt, tables: table ? [{ table, rows: d.rows ?? 0 }] : [], rows: d.rows ?? 0, rejectedRows: d.rejectedRows,
      loadRunId: d.loadRunId, latestRunId: d.latestRunId, latestStatus: d.latestStatus,
      href: d.latestRunId && d.latestStatus !== "succeeded" ? `/runs/${d.latestRunId}` : d.loadedVersion === null ? "/data/upload" : "/data",
      pipelineId: "tabular-load",
      quickSample: null,
    };
  });
}

/** Freshness of every source: the two fixed ones always (empty until loaded), then each uploaded dataset. */
export async function dataFreshness(now = new Date()): Promise<SourceFreshness[]> {
  const [fixed, uploaded] = await Promise.all([fixedSources(now), datasets(now)]);
  return [...fixed, ...uploaded];
}
