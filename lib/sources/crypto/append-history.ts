import crypto from "node:crypto";
import { query, withTransaction } from "../../db/sql.ts";
import { recordArtifactInput } from "../../lineage/index.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { runArtifactKey } from "../../storage/run-artifact-key.ts";
import { CRYPTO_SOURCE, HISTORY_COLUMNS, HISTORY_TABLE } from "./crypto-contract.ts";
import { daysToGenerate, type CryptoWindow } from "./crypto-window.ts";
import { BAD_ROW_KINDS, generateCryptoDay, type BadRowKind } from "./generate-crypto-day.ts";

// Receiving the history: the faker's batches for the window's new days are stored (write-once artifact), recorded
// as loaded files (ops.ingested_files, so rejects name their file and line) and appended to the raw history. Each day
// is one transaction: a crash leaves whole days, and the rerun continues after the newest one (forward-only).

export interface ReceivedDay {
  day: string;
  key: string;
  fileId: string;
  rows: number;
  /** Bad rows planted, per kind. */
  bad: Record<BadRowKind, number>;
}

export interface WindowBatch {
  day: string;
  key: string | null;
  rows: number;
  runId: string | null;
}

/** The newest received day, or null before the first batch. */
async function newestBatchDay(): Promise<string | null> {
  const [row] = await query<{ day: string | null }>(`SELECT max(batch_date)::text AS day FROM ${HISTORY_TABLE}`);
  return row?.day ?? null;
}

/** Stores, records and appends one day's batch (in one transaction with its file row). */
async function receiveDay(runId: string, day: string, opts: { rowsPerDay: number; badRate: number; seed: number }): Promise<ReceivedDay> {
  const started = performance.now();
  const generated = generateCryptoDay({ day, seed: opts.seed, rows: opts.rowsPerDay, badRate: opts.badRate });
  const fileName = `history-${day}.csv`;
  // Same run, same day, same bytes: a retried step writes nothing new under its key.
  const stored = await putArtifact(runArtifactKey(CRYPTO_SOURCE, runId, fileName), generated.csv, { kind: "dataset", contentType: "text/csv", runId });
  const fileId = crypto.randomUUID();
  const columns = HISTORY_COLUMNS.map((c) => generated.rows.map((r) => r[c]));
  const lines = generated.rows.map((_, i) => i + 2); // line 1 is the header
  await withTransaction(async (client) => {
    // The concurrency key keeps two crypto runs apart; this check keeps a day single even if one slipped through.
    const { rows: existing } = await client.query(`SELECT 1 FROM ${HISTORY_TABLE} WHERE batch_date = $1::date LIMIT 1`, [day]);
    if (existing.length) throw new Error(`the crypto history already has a batch for ${day}; past days are never rewritten`);
    await client.query(
      `INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, artifact_key, sha256, bytes, rows, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [fileId, runId, CRYPTO_SOURCE, fileName, HISTORY_TABLE, stored.key, stored.sha256, stored.bytes, generated.rows.length, Math.round(performance.now() - started)],
    );
    await client.query(
      `INSERT INTO ${HISTORY_TABLE} (${HISTORY_COLUMNS.join(", ")}, source_line, batch_date, file_id)
       SELECT r.*, $8::date, $9::uuid FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS r`,
      [...columns, lines, day, fileId],
    );
  });
  const bad = Object.fromEntries(BAD_ROW_KINDS.map((k) => [k, 0])) as Record<BadRowKind, number>;
  for (const kind of generated.bad.values()) bad[kind]++;
  return { day, key: stored.key, fileId, rows: generated.rows.length, bad };
}

/**
 * Makes sure each day of the window has its batch: generates the days after the newest received one (all of them
 * on an empty history), oldest first. Days already received are never touched.
 */
export async function receiveHistory(runId: string, window: CryptoWindow, opts: { rowsPerDay: number; badRate: number; seed: number; signal?: AbortSignal; onProgress?: (f: number, m: string) => void }): Promise<ReceivedDay[]> {
  const days = daysToGenerate(window, await newestBatchDay());
  const received: ReceivedDay[] = [];
  for (const [i, day] of days.entries()) {
    opts.signal?.throwIfAborted();
    opts.onProgress?.(i / days.length, `receiving the batch of ${day}`);
    received.push(await receiveDay(runId, day, opts));
  }
  return received;
}

/**
 * The window's batches (one per received day) with the file and run each came from; batches written by other runs
 * are recorded as this run's inputs in its lineage (its own are inputs through ops.ingested_files already).
 */
export async function windowBatches(runId: string, window: CryptoWindow): Promise<WindowBatch[]> {
  const batches = await query<{ day: string; key: string | null; sha256: string | null; bytes: string | null; rows: number; run_id: string | null }>(
    `SELECT h.day, f.artifact_key AS key, f.sha256, f.bytes::text, h.rows, f.run_id
       FROM (SELECT batch_date::text AS day, file_id, count(*)::int AS rows FROM ${HISTORY_TABLE}
              WHERE batch_date BETWEEN $1::date AND $2::date GROUP BY batch_date, file_id) h
       LEFT JOIN ops.ingested_files f ON f.id = h.file_id
      ORDER BY h.day, f.artifact_key`,
    [window.start, window.end],
  );
  for (const b of batches) {
    if (b.key && b.sha256 && b.run_id !== runId) await recordArtifactInput(runId, { key: b.key, sha256: b.sha256, bytes: Number(b.bytes), producedByRunId: b.run_id });
  }
  return batches.map((b) => ({ day: b.day, key: b.key, rows: b.rows, runId: b.run_id }));
}
