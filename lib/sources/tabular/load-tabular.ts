import { getDb } from "../../db/client.ts";
import { ident, query } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import type { CsvColumnSpec } from "../csv/column-types.ts";
import { replaceTablesFromCsv, type CsvFileToLoad, type LoadedFile, type ReplaceOptions } from "../replace-tables-from-csv.ts";
import { storedColumns, type DatasetColumn } from "./dataset-columns.ts";
import { rawTableName } from "./tabular-names.ts";
import { tabularSource } from "./tabular-suite.ts";
import { storedEncoding } from "../csv/text-encoding.ts";

// The raw side of a tabular load: raw.tabular_<slug>_v<version> holds the file's fields as text (one column per
// CSV header, under its sanitised name) plus file_id/source_line, like every raw table. These per-version tables
// are created by the load, not by a migration: their columns are the user's.

export interface VersionForLoad {
  id: string;
  datasetId: string;
  slug: string;
  name: string;
  version: number;
  status: string;
  artifactKey: string;
  encoding: string;
  sha256: string;
  bytes: number;
  columns: DatasetColumn[];
}

export async function getVersionForLoad(versionId: string): Promise<VersionForLoad> {
  const { prisma } = await getDb();
  const row = await prisma.datasetVersion.findUnique({ where: { id: versionId }, include: { dataset: { select: { slug: true, name: true } } } });
  if (!row) throw new AppError("NOT_FOUND", `Dataset version ${versionId} does not exist.`, 404);
  const v = { ...row, slug: row.dataset.slug, name: row.dataset.name, bytes: Number(row.bytes), columns: storedColumns(row.columns) };
  if (row.status === "draft" || row.status === "uploading") {
    throw new AppError("INVALID_INPUT", `Version ${row.version} of "${v.name}" is not confirmed yet. To fix: confirm its id column, target and column types (on /data/upload, or POST /api/datasets/versions/${row.id}/confirm), then load it.`, 409);
  }
  if (!v.columns.some((c) => c.role === "target") || !v.columns.some((c) => c.role === "id")) {
    throw new AppError("INVALID_INPUT", `Version ${row.version} of "${v.name}" has no confirmed id and target columns. To fix: confirm it again.`, 409);
  }
  return v;
}

/** CREATE TABLE IF NOT EXISTS: the raw shape depends only on the header, which a version never changes. */
export async function ensureRawTable(v: Pick<VersionForLoad, "slug" | "version" | "columns">): Promise<string> {
  const table = rawTableName(v.slug, v.version);
  const defs = [...v.columns.map((c) => `${ident(c.column)} text`), "file_id uuid NOT NULL", "source_line integer NOT NULL", "PRIMARY KEY (file_id, source_line)"];
  await query(`CREATE TABLE IF NOT EXISTS ${ident(table)} (${defs.join(", ")})`);
  return table;
}

/** Every header column as optional text, stored under its sanitised name. */
export function rawColumnSpecs(columns: readonly DatasetColumn[]): CsvColumnSpec[] {
  return columns.map((c) => ({ name: c.name, column: c.column, type: "text", required: false, pgType: "text" }));
}

/**
 * Loads the version's file from the artifact store into its raw table, replacing what was there (a rerun leaves
 * the same rows). The file is decoded with the version's encoding (resolved at upload).
 */
export async function loadTabularRaw(v: VersionForLoad, opts: ReplaceOptions = {}): Promise<LoadedFile> {
  const table = await ensureRawTable(v);
  const store = getArtifactStore();
  const head = await store.head(v.artifactKey);
  if (!head) throw new AppError("NOT_FOUND", `The file of version ${v.version} of "${v.name}" (${v.artifactKey}) is missing from the artifact store. To fix: upload it again.`, 404);
  const file: CsvFileToLoad = {
    source: tabularSource(v.slug),
    fileName: v.artifactKey.split("/").pop()!,
    table,
    columns: rawColumnSpecs(v.columns),
    artifactKey: v.artifactKey,
    bytes: head.bytes,
    encoding: storedEncoding(v.encoding),
    open: () => store.getStream(v.artifactKey),
    // Versions are immutable: a stored file that no longer matches its upload replaces nothing in raw.*.
    verify: (read) => {
      if (v.sha256 && read.sha256 !== v.sha256) {
        throw new AppError("INVALID_INPUT", `The stored file of version ${v.version} of "${v.name}" changed since it was uploaded (sha256 ${v.sha256.slice(0, 12)}…, now ${read.sha256.slice(0, 12)}…). To fix: upload the file again as a new version.`, 409);
      }
    },
  };
  const [loaded] = await replaceTablesFromCsv([file], opts);
  return loaded;
}

export async function markVersionRun(versionId: string, runId: string): Promise<void> {
  const { prisma } = await getDb();
  await prisma.datasetVersion.update({ where: { id: versionId }, data: { runId } });
}

export async function markVersionLoaded(versionId: string, rows: number, runId: string): Promise<void> {
  const { prisma } = await getDb();
  await prisma.datasetVersion.update({ where: { id: versionId }, data: { status: "loaded", rows, runId } });
}

/** A failed load marks a confirmed version failed (it can be confirmed again); a loaded version stays loaded. */
export async function markVersionFailed(versionId: string): Promise<void> {
  const { prisma } = await getDb();
  await prisma.datasetVersion.updateMany({ where: { id: versionId, status: "confirmed" }, data: { status: "failed" } });
}
