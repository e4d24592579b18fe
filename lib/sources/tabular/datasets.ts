import type { Readable } from "node:stream";
import { z } from "zod";
import { getDb } from "../../db/client.ts";
import type { Prisma } from "../../db/generated/prisma/client.ts";
import { AppError } from "../../errors.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { ArtifactConflictError } from "../../storage/errors.ts";
import { toReadable } from "../../storage/body-stream.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import { parseDataDescriptions } from "./data-descriptions.ts";
import { draftColumns, storedColumns, withDescriptions, type DatasetColumn, type DatasetVersionOrigin } from "./dataset-columns.ts";
import { getDatasetVersion, type DatasetVersionView } from "./dataset-queries.ts";
import { COLUMN_ROLES, TABULAR_COLUMN_TYPES, TargetNotBinaryError, inferColumnTypes, validateTarget, type ColumnRole, type TabularColumnType } from "./infer-column-types.ts";
import { readCsvSample } from "./read-csv-sample.ts";
import { csvArtifactFileName, datasetArtifactPrefix, datasetSlugBase, uniqueSlug } from "./tabular-names.ts";
import { parseEncoding, type ResolvedEncoding } from "../csv/text-encoding.ts";
import { UploadMeter } from "./upload-meter.ts";
import { maxUploadBytes } from "./upload-limits.ts";

// Dataset definitions for "any tabular churn dataset" (ARCHITECTURE §6.3): an upload becomes version N+1 of the
// dataset with that name (a draft with inferred column types); a user confirms id, target and types; the
// tabular-load pipeline then loads it. Versions are immutable once loaded.

/** Descriptions files are a few KB; anything larger is not one. */
export const MAX_DESCRIPTIONS_BYTES = 5 * 1024 * 1024;

export interface UploadBody {
  fileName: string;
  body: Readable | Buffer | string;
}

export interface UploadOptions {
  /** Dataset name; defaults to the file name without .csv. The same name (case-insensitive) adds a version. */
  name?: string;
  fileName: string;
  /** auto | utf-8 | windows-1252 | latin1 (default auto) */
  encoding?: string;
  origin?: DatasetVersionOrigin;
  descriptions?: UploadBody;
  /** Defaults to CHURNOPS_MAX_UPLOAD_MB. */
  maxBytes?: number;
}

export interface UploadResult {
  version: DatasetVersionView;
  /** What inference read: the first rows of the file (complete: the whole file). */
  sample: { rows: number; complete: boolean };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002" || /unique constraint/i.test(String((e as Error)?.message));
const json = (columns: readonly DatasetColumn[]) => columns as unknown as Prisma.InputJsonValue;

export function datasetNameFrom(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? "").replace(/\.csv$/i, "").trim();
}

async function findOrCreateDataset(name: string): Promise<{ id: string; slug: string; created: boolean }> {
  const { prisma } = await getDb();
  const find = () => prisma.dataset.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, orderBy: { createdAt: "asc" }, select: { id: true, slug: true } });
  const existing = await find();
  if (existing) return { ...existing, created: false };
  const base = datasetSlugBase(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = new Set((await prisma.dataset.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug));
    try {
      const created = await prisma.dataset.create({ data: { slug: uniqueSlug(base, taken), name, idColumn: "", targetColumn: "" }, select: { id: true, slug: true } });
      return { ...created, created: true };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const raced = await find(); // a concurrent upload created the same name
      if (raced) return { ...raced, created: false };
    }
  }
  throw new Error(`could not allocate a unique slug for dataset "${name}"`);
}

/**
 * Claims the next version number with a row in status "uploading" (unique on dataset + version, so two
 * concurrent uploads never get the same number or artifact key). It becomes "draft" once the file is in.
 */
async function reserveVersion(dataset: { id: string; slug: string }, fileName: string, origin: DatasetVersionOrigin): Promise<{ id: string; version: number; key: string }> {
  const { prisma } = await getDb();
  for (let attempt = 0; attempt < 10; attempt++) {
    const last = await prisma.datasetVersion.aggregate({ where: { datasetId: dataset.id }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const key = `${datasetArtifactPrefix(dataset.slug, version)}/${csvArtifactFileName(fileName)}`;
    try {
      const row = await prisma.datasetVersion.create({
        data: { datasetId: dataset.id, version, artifactKey: key, sha256: "", bytes: 0n, columns: [], status: "uploading", origin },
        select: { id: true },
      });
      return { id: row.id, version, key };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Error("could not reserve a dataset version number (too many concurrent uploads)");
}

/** Streams a body into the artifact store through the size limit; the partial object is removed on failure. */
async function storeLimited(key: string, body: Readable | Buffer | string, maxBytes: number, detectUtf8: boolean, kind: string) {
  const source = toReadable(body);
  const meter = new UploadMeter(maxBytes, detectUtf8);
  // The limit can trip before the store attaches to the meter (it opens its file or request first): keep the
  // error here, so it is never unhandled and is the one reported (not a "premature close" that follows it).
  let failure: unknown;
  meter.on("error", (e) => (failure ??= e));
  source.on("error", (e) => meter.destroy(e));
  source.pipe(meter);
  try {
    const stored = await putArtifact(key, meter, { kind, contentType: "text/csv" });
    if (failure) throw failure;
    return { ...stored, utf8: meter.isUtf8() };
  } catch (e) {
    source.unpipe(meter);
    source.destroy();
    meter.destroy();
    if (!(e instanceof ArtifactConflictError)) await removeArtifact(key); // a conflict means the key holds someone else's object
    throw failure ?? e;
  }
}

async function removeArtifact(key: string): Promise<void> {
  await getArtifactStore().delete(key).catch(() => {});
  const { prisma } = await getDb();
  await prisma.artifact.deleteMany({ where: { key } }).catch(() => {});
}

async function readDescriptions(key: string, descriptions: UploadBody): Promise<Map<string, string>> {
  const stored = await storeLimited(key, descriptions.body, MAX_DESCRIPTIONS_BYTES, true, "dataset-descriptions");
  const sample = await readCsvSample(await getArtifactStore().getStream(key), { fileName: descriptions.fileName, encoding: stored.utf8 ? "utf-8" : "windows-1252", maxRows: 100_000 });
  return parseDataDescriptions(sample.header, sample.rows);
}

/**
 * Stores an uploaded CSV as version N+1 of the dataset named `name` at datasets/tabular/<slug>/v<N>/<file>.csv
 * (streamed; more than the upload limit aborts with a 413 and leaves no object), infers the column types from its
 * first rows, and records the version as a draft. Any failure leaves nothing behind (no object, no version row).
 */
export async function createDatasetVersionFromUpload(source: Readable | Buffer | string, opts: UploadOptions): Promise<UploadResult> {
  const encoding = parseEncoding(opts.encoding);
  const fileName = opts.fileName.trim();
  if (!fileName) throw new AppError("INVALID_INPUT", "The file name is missing. To fix: send fileName (e.g. customers.csv).", 400);
  const name = (opts.name?.trim() || datasetNameFrom(fileName)).slice(0, 100);
  if (!name) throw new AppError("INVALID_INPUT", "The dataset name is empty. To fix: give the dataset a name.", 400);
  const { prisma } = await getDb();
  const dataset = await findOrCreateDataset(name);
  let reserved: { id: string; version: number; key: string } | undefined;
  let descriptionsKey: string | undefined;
  try {
    reserved = await reserveVersion(dataset, fileName, opts.origin ?? "upload");
    const stored = await storeLimited(reserved.key, source, opts.maxBytes ?? maxUploadBytes(), encoding === "auto" || encoding === "utf-8", "dataset");
    if (encoding === "utf-8" && !stored.utf8) {
      throw new AppError("INVALID_INPUT", `${fileName} is not valid UTF-8. To fix: choose the encoding Windows-1252 or Latin-1 (or Auto-detect), or save the file as UTF-8.`, 400);
    }
    const resolved: ResolvedEncoding = encoding === "auto" ? (stored.utf8 ? "utf-8" : "windows-1252") : encoding;
    const sample = await readCsvSample(await getArtifactStore().getStream(reserved.key), { fileName, encoding: resolved });
    let descriptions: Map<string, string> | undefined;
    if (opts.descriptions) {
      descriptionsKey = `${datasetArtifactPrefix(dataset.slug, reserved.version)}/descriptions/${csvArtifactFileName(opts.descriptions.fileName)}`;
      descriptions = await readDescriptions(descriptionsKey, opts.descriptions);
    }
    const columns = draftColumns(inferColumnTypes(sample.header, sample.rows), descriptions);
    await prisma.datasetVersion.update({
      where: { id: reserved.id },
      data: {
        status: "draft", sha256: stored.sha256, bytes: BigInt(stored.bytes), encoding: resolved, columns: json(columns),
        rows: sample.complete ? sample.rows.length : null, descriptionsKey: descriptionsKey ?? null,
      },
    });
    return { version: (await getDatasetVersion(reserved.id))!, sample: { rows: sample.rows.length, complete: sample.complete } };
  } catch (e) {
    if (reserved) {
      await removeArtifact(reserved.key);
      if (descriptionsKey) await removeArtifact(descriptionsKey);
      await prisma.datasetVersion.deleteMany({ where: { id: reserved.id } }).catch(() => {});
    }
    // Only a dataset this upload created, and only while no other upload added a version to it.
    if (dataset.created) await prisma.dataset.deleteMany({ where: { id: dataset.id, versions: { none: {} } } }).catch(() => {});
    throw e;
  }
}

async function versionRow(versionId: string) {
  const { prisma } = await getDb();
  const row = z.string().uuid().safeParse(versionId).success
    ? await prisma.datasetVersion.findUnique({ where: { id: versionId }, include: { dataset: { select: { slug: true, name: true } } } })
    : null;
  if (!row) throw new AppError("NOT_FOUND", `Dataset version ${versionId} does not exist. To fix: upload the file again (GET /api/datasets lists versions).`, 404);
  return row;
}

function assertEditable(row: { status: string; version: number; dataset: { name: string } }): void {
  if (row.status === "loaded") {
    throw new AppError("CONFLICT", `Version ${row.version} of "${row.dataset.name}" is loaded and cannot change. To fix: upload the file again to make a new version.`, 409);
  }
  if (row.status === "uploading") throw new AppError("CONFLICT", `Version ${row.version} of "${row.dataset.name}" is still uploading. Try again when the upload has finished.`, 409);
}

/** Adds (or replaces) the data-descriptions CSV of a version that is not loaded yet. */
export async function attachDescriptions(versionId: string, descriptions: UploadBody): Promise<DatasetVersionView> {
  const row = await versionRow(versionId);
  assertEditable(row);
  const key = `${datasetArtifactPrefix(row.dataset.slug, row.version)}/descriptions/${csvArtifactFileName(descriptions.fileName)}`;
  if (row.descriptionsKey === key) await removeArtifact(key); // keys are write-once; a draft's descriptions are read by no run yet
  const parsed = await readDescriptions(key, descriptions);
  const { prisma } = await getDb();
  await prisma.datasetVersion.update({ where: { id: row.id }, data: { descriptionsKey: key, columns: json(withDescriptions(storedColumns(row.columns), parsed)) } });
  if (row.descriptionsKey && row.descriptionsKey !== key) await removeArtifact(row.descriptionsKey);
  return (await getDatasetVersion(row.id))!;
}

export const confirmInputSchema = z.object({
  idColumn: z.string().trim().min(1, "choose the id column"),
  targetColumn: z.string().trim().min(1, "choose the target column"),
  /** The target value that means "churned" (maps to 1); defaults to the inferred one. */
  positiveValue: z.string().optional(),
  /** Type and role changes; columns not listed keep their inferred type and the role "feature". */
  columns: z
    .array(z.object({ name: z.string().min(1), type: z.enum(TABULAR_COLUMN_TYPES).optional(), role: z.enum(COLUMN_ROLES).optional() }))
    .max(10_000)
    .optional(),
});
export type ConfirmInput = z.infer<typeof confirmInputSchema>;

const bad = (message: string) => new AppError("INVALID_INPUT", message, 400);

/** Checks that a column's sampled values support the chosen type. */
function checkType(c: DatasetColumn, type: TabularColumnType): void {
  const shown = c.examples.slice(0, 3).map((v) => JSON.stringify(v)).join(", ");
  if (type === "date" && !c.dateFormats?.length) throw bad(`Column "${c.name}" cannot be a date: its values (${shown}) do not all fit one date layout (YYYY-MM-DD, DD/MM/YYYY, ...). To fix: keep it categorical or text.`);
  if (type === "boolean" && !c.booleanPair) throw bad(`Column "${c.name}" cannot be boolean: its values (${shown}) are not one pair of Yes/No, True/False, Y/N or T/F. To fix: keep it categorical.`);
  if (type === "numeric" && c.numericShare < 0.99) {
    throw bad(`Column "${c.name}" cannot be numeric: only ${(c.numericShare * 100).toFixed(1)}% of its sampled values are numbers (${shown}); the data gate needs 99%. To fix: keep it categorical or text.`);
  }
}

/**
 * Confirms the id column, the target column (must be binary) and the column types of a draft (or failed)
 * version; it can then be loaded by the tabular-load pipeline.
 */
export async function confirmDatasetVersion(versionId: string, rawInput: ConfirmInput): Promise<DatasetVersionView> {
  const input = confirmInputSchema.parse(rawInput);
  const row = await versionRow(versionId);
  assertEditable(row);
  const columns = storedColumns(row.columns);
  const byName = (name: string) => columns.find((c) => c.name === name) ?? columns.find((c) => c.column === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const known = columns.map((c) => `"${c.name}"`).join(", ");
  const idCol = byName(input.idColumn);
  const targetCol = byName(input.targetColumn);
  if (!idCol) throw bad(`There is no column "${input.idColumn}" to use as the id. Columns: ${known}.`);
  if (!targetCol) throw bad(`There is no column "${input.targetColumn}" to use as the target. Columns: ${known}.`);
  if (idCol === targetCol) throw bad(`The id and the target must be different columns (both are "${idCol.name}").`);
  let target;
  try {
    target = validateTarget(targetCol, input.positiveValue);
  } catch (e) {
    if (e instanceof TargetNotBinaryError) throw bad(e.message);
    throw e;
  }
  const changes = new Map<DatasetColumn, { type?: TabularColumnType; role?: ColumnRole }>();
  for (const change of input.columns ?? []) {
    const c = byName(change.name);
    if (!c) throw bad(`There is no column "${change.name}". Columns: ${known}.`);
    if (change.role === "id" && c !== idCol) throw bad(`Column "${c.name}" has role "id" but the id column is "${idCol.name}".`);
    if (change.role === "target" && c !== targetCol) throw bad(`Column "${c.name}" has role "target" but the target column is "${targetCol.name}".`);
    if ((change.role === "ignore" || change.role === "feature") && (c === idCol || c === targetCol)) throw bad(`Column "${c.name}" is the ${c === idCol ? "id" : "target"}; it cannot be ${change.role === "ignore" ? "ignored" : "a feature"}.`);
    changes.set(c, change);
  }
  const confirmed = columns.map((c): DatasetColumn => {
    const change = changes.get(c);
    const role: ColumnRole = c === idCol ? "id" : c === targetCol ? "target" : change?.role === "ignore" ? "ignore" : "feature";
    const type = change?.type ?? c.type;
    if (change?.type && change.type !== c.inferredType && role === "feature") checkType(c, change.type);
    const { target: _old, ...rest } = c;
    return { ...rest, type, role, ...(c === targetCol ? { target } : {}) };
  });
  const { prisma } = await getDb();
  await prisma.$transaction([
    prisma.datasetVersion.update({ where: { id: row.id }, data: { columns: json(confirmed), status: "confirmed", confirmedAt: new Date() } }),
    prisma.dataset.update({ where: { id: row.datasetId }, data: { idColumn: idCol.name, targetColumn: targetCol.name } }),
  ]);
  return (await getDatasetVersion(row.id))!;
}
