import type pg from "pg";
import { getDb } from "../db/client.ts";
import { ident, withTransaction } from "../db/sql.ts";
import { snapshotLineRanges } from "../lineage/snapshot-blocks.ts";
import { snapshotOf } from "../lineage/snapshot-tables.ts";
import { createDailyTable, DAILY_EVENT_COLUMNS, dailySelectSql, ELEARNING_FEATURES, indexDailySql, insertDailySql, insertFeaturesSql, mergedDailySql } from "./elearning-feature-sql.ts";
import { findFeatureBuild, forgetFeatureBuild, recordFeatureBuild } from "./feature-builds.ts";
import type { FeatureSpec } from "./feature-spec.ts";
import { ELEARNING_FEATURE_SET_VERSION, ELEARNING_FEATURE_TABLE } from "./feature-set-versions.ts";

/**
 * Users per statement of the window stage on the embedded engine: ~120 days each, so ~25k grid rows, which held
 * PGlite for a fraction of a second here (its connections wait while a statement runs).
 */
export const EMBEDDED_USERS_PER_CHUNK = 200;
/** Events per statement of the daily stage on the embedded engine (key ranges of the events snapshot). */
export const EMBEDDED_EVENTS_PER_CHUNK = 50_000;
/**
 * Memory for the sorts and hashes of the build (SET LOCAL / per session): at the default 4 MB the daily GROUP BY
 * spilled to disk; the whole default build needs ~40 MB.
 */
const WORK_MEM = "64MB";

/** Statement sizes on the embedded engine (tests make them tiny to cross chunk borders); real Postgres ignores them. */
export interface ChunkSizes {
  users?: number;
  events?: number;
}

export interface ElearningFeatureBuild {
  table: string;
  sourceRunId: string;
  featureSetVersion: number;
  /** user-day rows written, and those with a label (the rest are each user's last 30 days of data) */
  rows: number;
  labelledRows: number;
  users: number;
  /** the data's last day (YYYY-MM-DD): the grid ends here and labels stop 30 days before it */
  lastDay: string | null;
  features: FeatureSpec[];
  durationMs: number;
}

type Bounds = { last_day: string | null };
type Built = Bounds & Written;

async function bounds(client: pg.ClientBase, daily: string): Promise<Bounds> {
  const { rows } = await client.query<Bounds>(`SELECT to_char(max(day), 'YYYY-MM-DD') AS last_day FROM ${daily}`);
  return rows[0]!;
}

/** Rows and labelled rows written by feature statements (each answers its own counts). */
type Written = { rows: number; labelled: number };

/**
 * Users = unlabelled rows: each user has exactly one unlabelled row, on the data's last day (the rows of the 30 days
 * before it are not written).
 */
const withUsers = (w: Written) => ({ ...w, users: w.rows - w.labelled });

/**
 * Parts of the build on real Postgres, each a statement on its own connection over a range of user ids, run at
 * once: the window statement runs on one core, and the build is the largest statement of a training run. Capped by
 * the server's max_parallel_workers_per_gather (2 by default), the DBA's own figure for how many cores one query may
 * use.
 */
const MAX_POSTGRES_PARTS = 4;

/**
 * Real Postgres. JIT off: the planner cannot estimate the grid's generate_series rows (1,000 per call assumed), so
 * the cost passed the JIT thresholds and compiling took 0.1-1 s of a 3-4 s build, more than it ever saved. The
 * daily aggregate is a CTE of the feature statement, which saved writing and re-reading a temp table. The users
 * are split at equal shares into parts built at once, each part in its own transaction; as on the embedded engine,
 * the build row is removed before and written after every part, so a reader never trains on a half-built set and a
 * rerun replaces every part.
 */
async function buildInParallel(client: pg.ClientBase, events: string, users: string, sourceRunId: string): Promise<Built> {
  // Only the last day here (one scan, no sort); the user count comes from the written rows.
  const { rows: [{ last_day: lastDay, parts }] } = await client.query<Bounds & { parts: number }>(
    `SELECT to_char(max(event_time), 'YYYY-MM-DD') AS last_day,
            least(${MAX_POSTGRES_PARTS}, greatest(1, current_setting('max_parallel_workers_per_gather')::int)) AS parts
       FROM ${ident(events)}`,
  );
  await forgetFeatureBuild(client, ELEARNING_FEATURE_TABLE, sourceRunId, ELEARNING_FEATURE_SET_VERSION);
  await client.query(`DELETE FROM ${ELEARNING_FEATURE_TABLE} WHERE source_run_id = $1 AND feature_set_version = $2`, [sourceRunId, ELEARNING_FEATURE_SET_VERSION]);
  if (!lastDay) return { last_day: null, rows: 0, labelled: 0 };
  // Split points at equal shares of the users; the parts are (previous split, split], open at both ends, so a user id
  // of the events missing from the users table still falls in exactly one part.
  const shares = Array.from({ length: parts - 1 }, (_, i) => (i + 1) / parts);
  const { rows: splits } = await client.query<{ at: string }>(
    `SELECT at::text FROM (SELECT DISTINCT unnest(percentile_disc($1::float8[]) WITHIN GROUP (ORDER BY user_id)) AS at FROM ${ident(users)}) s
      WHERE at IS NOT NULL ORDER BY at`,
    [shares],
  );
  const bounds = [null, ...splits.map((s) => s.at), null];
  const inPart = (column: string) => `($4::bigint IS NULL OR ${column} > $4::bigint) AND ($5::bigint IS NULL OR ${column} <= $5::bigint)`;
  const sql = insertFeaturesSql(dailySelectSql(events, inPart("e.user_id")), users, inPart("user_id"));
  // Each part on its own pooled connection and in its own transaction (none waits on another: real Postgres only).
  const written = await Promise.all(
    bounds.slice(1).map((hi, i) =>
      withTransaction(async (part) => {
        await part.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
        await part.query("SET LOCAL jit = off");
        return (await part.query<Written>(sql, [sourceRunId, ELEARNING_FEATURE_SET_VERSION, lastDay, bounds[i], hi])).rows[0]!;
      }),
    ),
  );
  return { last_day: lastDay, rows: written.reduce((a, w) => a + w.rows, 0), labelled: written.reduce((a, w) => a + w.labelled, 0) };
}

/**
 * Embedded engine: no transaction (it would block every other connection); short statements instead. The daily
 * table is a TEMP table of this connection, filled per key range of the events snapshot with partial daily rows
 * (summed per user-day when read) and indexed once filled; the feature rows are replaced per range of user ids
 * (delete + insert of those users). The build row is removed first and written last, so a reader never trains on a
 * half-built set, and a rerun after a crash replaces every chunk.
 */
async function buildInChunks(client: pg.ClientBase, events: string, users: string, sourceRunId: string, chunks: Required<ChunkSizes>, signal?: AbortSignal): Promise<Built> {
  await client.query(`SET work_mem = '${WORK_MEM}'`);
  await client.query("DROP TABLE IF EXISTS pg_temp.elearning_daily");
  await client.query(createDailyTable("elearning_daily"));
  const read = await snapshotLineRanges(client, events, chunks.events, { columns: DAILY_EVENT_COLUMNS });
  for (const r of read.ranges) {
    signal?.throwIfAborted();
    await client.query(insertDailySql("elearning_daily", { sql: read.from }, read.where), [r.fileId, r.from, r.to]);
  }
  // CREATE INDEX also sets the table's row count for the planner: no ANALYZE needed.
  await client.query(indexDailySql("elearning_daily"));
  const b = await bounds(client, "elearning_daily");
  await forgetFeatureBuild(client, ELEARNING_FEATURE_TABLE, sourceRunId, ELEARNING_FEATURE_SET_VERSION);
  // A different snapshot never reuses this run id, so the users of an earlier (crashed) build are these users.
  const { rows: ids } = await client.query<{ lo: string; hi: string }>(
    `SELECT min(user_id)::text AS lo, max(user_id)::text AS hi FROM (
       SELECT user_id, (row_number() OVER (ORDER BY user_id) - 1) / ${chunks.users} AS chunk FROM (SELECT DISTINCT user_id FROM elearning_daily) u) c
      GROUP BY chunk ORDER BY chunk`);
  const inRange = "BETWEEN $4::bigint AND $5::bigint";
  const written: Written = { rows: 0, labelled: 0 };
  for (const { lo, hi } of ids) {
    signal?.throwIfAborted();
    await client.query(`DELETE FROM ${ELEARNING_FEATURE_TABLE} WHERE source_run_id = $1 AND feature_set_version = $2 AND user_id BETWEEN $3::bigint AND $4::bigint`, [
      sourceRunId, ELEARNING_FEATURE_SET_VERSION, lo, hi,
    ]);
    const { rows: [w] } = await client.query<Written>(insertFeaturesSql(mergedDailySql("elearning_daily", `d.user_id ${inRange}`), users, `user_id ${inRange}`), [
      sourceRunId, ELEARNING_FEATURE_SET_VERSION, b.last_day, lo, hi,
    ]);
    written.rows += w!.rows;
    written.labelled += w!.labelled;
  }
  await client.query("DROP TABLE IF EXISTS pg_temp.elearning_daily");
  await client.query("RESET work_mem");
  return { ...b, ...written };
}

/**
 * Builds features.elearning_user_day from the staging snapshot of load run `sourceRunId` (its
 * staging.elearning_users / staging.elearning_events): one row per user per day from the user's first event to the
 * data's last day, with daily counts, 7/14/30-day rolling sums, recency, tenure and the churn label (null in the
 * data's last 30 days). Idempotent: a rebuild for the same run and feature-set version leaves the same rows.
 */
export async function buildElearningFeatures(opts: { sourceRunId: string; signal?: AbortSignal; chunks?: ChunkSizes }): Promise<ElearningFeatureBuild> {
  const t0 = performance.now();
  const { sourceRunId, signal } = opts;
  const events = (await snapshotOf(sourceRunId, "staging.elearning_events")).relation;
  const users = (await snapshotOf(sourceRunId, "staging.elearning_users")).relation;
  const { engine, pool } = await getDb();
  const client = await pool.connect();
  try {
    const b = engine === "postgres" ? await buildInParallel(client, events, users, sourceRunId) : await buildInChunks(client, events, users, sourceRunId, { users: opts.chunks?.users ?? EMBEDDED_USERS_PER_CHUNK, events: opts.chunks?.events ?? EMBEDDED_EVENTS_PER_CHUNK }, signal);
    const c = withUsers(b);
    const durationMs = performance.now() - t0;
    const features = [...ELEARNING_FEATURES];
    await recordFeatureBuild(client, {
      featureTable: ELEARNING_FEATURE_TABLE, sourceRunId, featureSetVersion: ELEARNING_FEATURE_SET_VERSION, rows: c.rows, labelledRows: c.labelled,
      features, params: { lastDay: b.last_day, users: c.users, eventsSnapshot: events, usersSnapshot: users }, durationMs,
    });
    return {
      table: ELEARNING_FEATURE_TABLE, sourceRunId, featureSetVersion: ELEARNING_FEATURE_SET_VERSION, rows: c.rows, labelledRows: c.labelled, users: c.users,
      lastDay: b.last_day, features, durationMs,
    };
  } catch (e) {
    // A failed statement leaves the session's temp table and work_mem behind on a pooled connection.
    await client.query("DROP TABLE IF EXISTS pg_temp.elearning_daily").catch(() => {});
    await client.query("RESET work_mem").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The finished feature build of load run `sourceRunId`, or a new one when there is none. A build is a function of
 * the snapshot and the feature-set version, so a retraining on the same load reuses its rows: rebuilding left the
 * old rows as dead tuples, which the embedded engine (no autovacuum) kept for good, one more copy per retraining.
 */
export async function ensureElearningFeatures(opts: { sourceRunId: string; signal?: AbortSignal }): Promise<ElearningFeatureBuild & { reused: boolean }> {
  const found = await findFeatureBuild(ELEARNING_FEATURE_TABLE, opts.sourceRunId, ELEARNING_FEATURE_SET_VERSION);
  if (!found) return { ...(await buildElearningFeatures(opts)), reused: false };
  const p = found.params as { lastDay?: string | null; users?: number };
  return {
    table: ELEARNING_FEATURE_TABLE, sourceRunId: opts.sourceRunId, featureSetVersion: ELEARNING_FEATURE_SET_VERSION, rows: found.rows, labelledRows: found.labelledRows,
    users: p.users ?? found.rows - found.labelledRows, lastDay: p.lastDay ?? null, features: found.features, durationMs: found.durationMs, reused: true,
  };
}
