import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { getDb } from "../db/client.ts";
import { withTransaction, type Queryable } from "../db/sql.ts";
import { errorMessage } from "../errors.ts";
import { storedColumns, type DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload, datasetNameFrom } from "../sources/tabular/datasets.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";

// The data watchdog: hashes every CSV in the watch folder and the file of every dataset's latest version, compares
// with ops.watched_files, and reports what changed. A new or changed CSV in the folder becomes a new version of the
// dataset named after it (auto-confirmed when the previous confirmed version had the same columns), and each change
// emits churnops/data.changed. No change: no event, no version.

import { dataChanged, type EventData } from "../events/event-catalog.ts";

export const DATA_CHANGED = dataChanged.name;

export interface DataChangedEvent {
  name: typeof DATA_CHANGED;
  data: EventData<typeof DATA_CHANGED>;
}

/**
 * Announces a change. `client` is the transaction that records the file's new hash: writing the event to the outbox
 * with it makes "hash recorded" and "event pending" one atomic fact, so a failed delivery never loses the event.
 */
export type EmitDataChanged = (event: DataChangedEvent, client: Queryable) => Promise<void> | void;

export interface ScanOptions {
  /** Absolute folder to hash recursively (*.csv); null/undefined: only stored datasets are checked. */
  watchDir?: string | null;
  emit: EmitDataChanged;
  signal?: AbortSignal;
  onProgress?(fraction: number, message: string): void;
}

export interface ScanChange {
  /** Absolute file path (watch folder) or artifact key (stored dataset). */
  path: string;
  kind: "watch_dir" | "dataset";
  change: "new" | "changed";
  sha256: string;
  bytes: number;
  datasetId?: string;
  versionId?: string;
  version?: number;
  /** Status of the version created for the change (draft, or confirmed when auto-confirmed). */
  status?: string;
  autoConfirmed?: boolean;
  /** Why the new version stayed a draft, or why no version could be made. */
  note?: string;
  error?: string;
  emitted: boolean;
}

export interface ScanResult {
  watchDir: string | null;
  filesChecked: number;
  datasetsChecked: number;
  unchanged: number;
  changes: ScanChange[];
  /** Watched files recorded earlier that are gone now (kept on record, nothing emitted). */
  missing: string[];
  errors: { path: string; message: string }[];
}

/** sha256 and size of a stream, read to the end in chunks (never held whole). */
export async function hashStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } finally {
    stream.destroy();
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Every *.csv below dir (recursively), skipping dot-files and dot-folders (editor and sync temp files). */
export async function listCsvFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(folder: string): Promise<void> {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && /\.csv$/i.test(e.name)) out.push(full);
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * The dataset a watched file feeds: named after its path below the watch folder, without .csv ("churn.csv" ->
 * "churn", "exports/churn.csv" -> "exports/churn"), so two folders' churn.csv stay two datasets.
 */
export function datasetNameForWatchedFile(watchDir: string, file: string): string {
  const relative = path.relative(watchDir, file).split(path.sep).join("/").replace(/\.csv$/i, "").trim();
  return relative || datasetNameFrom(file);
}

const sameColumns = (a: readonly DatasetColumn[], b: readonly DatasetColumn[]) => {
  const names = (cols: readonly DatasetColumn[]) => cols.map((c) => c.name).sort().join("\u0000");
  return a.length === b.length && names(a) === names(b);
};

/**
 * Confirms a watchdog version with the id, target, types and roles of the dataset's latest confirmed (or loaded)
 * version, when that version had the same columns. Returns why not otherwise.
 */
async function autoConfirm(datasetId: string, versionId: string, version: number): Promise<{ confirmed: boolean; note?: string }> {
  const { prisma } = await getDb();
  const previous = await prisma.datasetVersion.findFirst({
    where: { datasetId, version: { lt: version }, status: { in: ["confirmed", "loaded"] } },
    orderBy: { version: "desc" },
    select: { version: true, columns: true },
  });
  if (!previous) return { confirmed: false, note: "no earlier confirmed version: confirm the types on /data/upload" };
  const current = await prisma.datasetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { columns: true } });
  const before = storedColumns(previous.columns);
  if (!sameColumns(before, storedColumns(current.columns))) {
    return { confirmed: false, note: `the columns differ from version ${previous.version}: confirm the types on /data/upload` };
  }
  const id = before.find((c) => c.role === "id");
  const target = before.find((c) => c.role === "target");
  if (!id || !target) return { confirmed: false, note: `version ${previous.version} has no id/target` };
  try {
    await confirmDatasetVersion(versionId, {
      idColumn: id.name,
      targetColumn: target.name,
      positiveValue: target.target?.positive,
      columns: before.filter((c) => c.role === "feature" || c.role === "ignore").map((c) => ({ name: c.name, type: c.type, role: c.role })),
    });
    return { confirmed: true };
  } catch (e) {
    return { confirmed: false, note: `not auto-confirmed: ${errorMessage(e)}` };
  }
}

interface FileState { path: string; kind: "watch_dir" | "dataset"; sha256: string; bytes: number; datasetId?: string | null; changed: boolean }

async function upsertState(p: FileState, client?: Queryable): Promise<void> {
  const sql = `INSERT INTO ops.watched_files (path, kind, sha256, bytes, dataset_id, first_seen_at, changed_at, checked_at)
               VALUES ($1, $2, $3, $4, $5, now(), now(), now())
               ON CONFLICT (path) DO UPDATE SET kind = EXCLUDED.kind, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,
                 dataset_id = EXCLUDED.dataset_id, checked_at = now(),
                 changed_at = CASE WHEN $6 THEN now() ELSE ops.watched_files.changed_at END`;
  const values = [p.path, p.kind, p.sha256, p.bytes, p.datasetId ?? null, p.changed];
  if (client) await client.query(sql, values);
  else await (await getDb()).pool.query(sql, values);
}

/** Records what was seen; with an event, the event is written in the same transaction (the outbox). */
async function recordState(p: FileState, announce?: { emit: EmitDataChanged; event: DataChangedEvent }): Promise<void> {
  if (!announce) return upsertState(p);
  await withTransaction(async (client) => {
    await upsertState(p, client);
    await announce.emit(announce.event, client);
  });
}

async function latestVersionOf(name: string): Promise<{ datasetId: string; sha256: string } | null> {
  const { prisma } = await getDb();
  const dataset = await prisma.dataset.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, versions: { where: { status: { not: "uploading" } }, orderBy: { version: "desc" }, take: 1, select: { sha256: true } } },
  });
  const v = dataset?.versions[0];
  return dataset && v ? { datasetId: dataset.id, sha256: v.sha256 } : null;
}

async function scanWatchedFile(watchDir: string, file: string, emit: EmitDataChanged, result: ScanResult): Promise<void> {
  const { prisma } = await getDb();
  const seen = await hashStream(fs.createReadStream(file));
  const previous = await prisma.watchedFile.findUnique({ where: { path: file } });
  if (previous && previous.sha256 === seen.sha256) {
    await prisma.watchedFile.update({ where: { path: file }, data: { checkedAt: new Date() } });
    result.unchanged++;
    return;
  }
  const name = datasetNameForWatchedFile(watchDir, file);
  const latest = await latestVersionOf(name);
  if (latest && latest.sha256 === seen.sha256) {
    // The dataset already has exactly this file as its latest version (e.g. uploaded by hand): record, no event.
    await recordState({ path: file, kind: "watch_dir", sha256: seen.sha256, bytes: seen.bytes, datasetId: latest.datasetId, changed: !previous });
    result.unchanged++;
    return;
  }
  const change: ScanChange = { path: file, kind: "watch_dir", change: previous ? "changed" : "new", sha256: seen.sha256, bytes: seen.bytes, emitted: false };
  try {
    const { version } = await createDatasetVersionFromUpload(fs.createReadStream(file), {
      name,
      fileName: path.basename(file),
      encoding: "auto",
      origin: "watchdog",
    });
    // What was stored is what counts (the file may have changed again since it was hashed).
    Object.assign(change, { sha256: version.sha256, bytes: version.bytes, datasetId: version.datasetId, versionId: version.id, version: version.version, status: version.status });
    const auto = await autoConfirm(version.datasetId, version.id, version.version);
    Object.assign(change, { autoConfirmed: auto.confirmed, status: auto.confirmed ? "confirmed" : version.status, ...(auto.note ? { note: auto.note } : {}) });
  } catch (e) {
    // Recorded anyway: an unreadable file is reported once per change, not on every scan.
    change.error = errorMessage(e);
    result.errors.push({ path: file, message: change.error });
  }
  const event: DataChangedEvent = { name: DATA_CHANGED, data: { path: file, sha256: change.sha256, ...(change.datasetId ? { datasetId: change.datasetId } : {}), ...(change.versionId ? { versionId: change.versionId } : {}) } };
  await recordState({ path: file, kind: "watch_dir", sha256: change.sha256, bytes: change.bytes, datasetId: change.datasetId ?? previous?.datasetId, changed: true }, { emit, event });
  change.emitted = true;
  result.changes.push(change);
}

/** Re-hashes the file of each dataset's latest version from the artifact store (it should never change). */
async function scanStoredDatasets(emit: EmitDataChanged, result: ScanResult, signal?: AbortSignal): Promise<void> {
  const { prisma } = await getDb();
  const datasets = await prisma.dataset.findMany({
    select: { id: true, versions: { where: { status: { not: "uploading" } }, orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, artifactKey: true } } },
  });
  const store = getArtifactStore();
  for (const d of datasets) {
    signal?.throwIfAborted();
    const latest = d.versions[0];
    if (!latest) continue;
    result.datasetsChecked++;
    const key = latest.artifactKey;
    let seen: { sha256: string; bytes: number };
    try {
      seen = await hashStream(await store.getStream(key));
    } catch (e) {
      result.errors.push({ path: key, message: errorMessage(e) });
      continue;
    }
    const previous = await prisma.watchedFile.findUnique({ where: { path: key } });
    if (previous && previous.sha256 === seen.sha256) {
      await prisma.watchedFile.update({ where: { path: key }, data: { checkedAt: new Date() } });
      result.unchanged++;
      continue;
    }
    // First sight of a stored version is not a change (it was just uploaded); a different hash later is.
    const event: DataChangedEvent = { name: DATA_CHANGED, data: { path: key, sha256: seen.sha256, datasetId: d.id, versionId: latest.id } };
    await recordState({ path: key, kind: "dataset", sha256: seen.sha256, bytes: seen.bytes, datasetId: d.id, changed: true }, previous ? { emit, event } : undefined);
    if (!previous) continue;
    result.changes.push({ path: key, kind: "dataset", change: "changed", sha256: seen.sha256, bytes: seen.bytes, datasetId: d.id, versionId: latest.id, version: latest.version, emitted: true });
  }
}

/**
 * One scan. Files in the watch folder first (a version made from one is then seen, and recorded, as its dataset's
 * latest file in the same scan). A failure on one file is reported and the scan goes on.
 */
export async function scanForChanges(opts: ScanOptions): Promise<ScanResult> {
  const result: ScanResult = { watchDir: opts.watchDir ?? null, filesChecked: 0, datasetsChecked: 0, unchanged: 0, changes: [], missing: [], errors: [] };
  const { prisma } = await getDb();
  if (opts.watchDir) {
    if (!fs.existsSync(opts.watchDir)) {
      result.errors.push({ path: opts.watchDir, message: `the watch folder ${opts.watchDir} does not exist. To fix: create it or correct CHURNOPS_WATCH_DIR.` });
    } else {
      const files = await listCsvFiles(opts.watchDir);
      for (const [i, file] of files.entries()) {
        opts.signal?.throwIfAborted();
        opts.onProgress?.((i / Math.max(1, files.length)) * 0.8, `checking ${path.basename(file)}`);
        result.filesChecked++;
        try {
          await scanWatchedFile(opts.watchDir, file, opts.emit, result);
        } catch (e) {
          result.errors.push({ path: file, message: errorMessage(e) });
        }
      }
      const known = await prisma.watchedFile.findMany({ where: { kind: "watch_dir", path: { startsWith: opts.watchDir + path.sep } }, select: { path: true } });
      const present = new Set(files);
      result.missing = known.map((k) => k.path).filter((p) => !present.has(p));
    }
  }
  opts.onProgress?.(0.8, "checking stored datasets");
  await scanStoredDatasets(opts.emit, result, opts.signal);
  opts.onProgress?.(1, "done");
  return result;
}
