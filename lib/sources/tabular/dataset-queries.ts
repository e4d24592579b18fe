import "server-only";
import { getDb } from "../../db/client.ts";
import { storedColumns, type DatasetColumn } from "./dataset-columns.ts";
import { rawTableName, stagingTableName } from "./tabular-names.ts";

// Read models of tabular datasets for the API, the upload page, the CLI and the watchdog.

export interface DatasetVersionView {
  id: string;
  datasetId: string;
  datasetName: string;
  slug: string;
  version: number;
  /** uploading (transient, while the file streams in) | draft | confirmed | loaded | failed */
  status: string;
  /** upload | cli | watchdog */
  origin: string;
  artifactKey: string;
  descriptionsKey: string | null;
  sha256: string;
  bytes: number;
  /** Rows in the file: known once loaded, or at upload when the sample covered the whole file. */
  rows: number | null;
  encoding: string;
  columns: DatasetColumn[];
  idColumn: string | null;
  targetColumn: string | null;
  runId: string | null;
  createdAt: string;
  confirmedAt: string | null;
  rawTable: string;
  stagingTable: string;
}

export interface DatasetVersionSummary extends Omit<DatasetVersionView, "columns" | "datasetName" | "slug" | "datasetId"> {
  columnCount: number;
}

export interface DatasetView {
  id: string;
  slug: string;
  name: string;
  /** The id and target columns of the latest confirmation ("" before any). */
  idColumn: string;
  targetColumn: string;
  createdAt: string;
  /** Newest first. */
  versions: DatasetVersionSummary[];
}

interface VersionRow {
  id: string;
  datasetId: string;
  version: number;
  artifactKey: string;
  descriptionsKey: string | null;
  sha256: string;
  bytes: bigint;
  rows: number | null;
  encoding: string;
  columns: unknown;
  status: string;
  origin: string;
  runId: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

function versionView(row: VersionRow, dataset: { name: string; slug: string }): DatasetVersionView {
  const columns = storedColumns(row.columns);
  return {
    id: row.id,
    datasetId: row.datasetId,
    datasetName: dataset.name,
    slug: dataset.slug,
    version: row.version,
    status: row.status,
    origin: row.origin,
    artifactKey: row.artifactKey,
    descriptionsKey: row.descriptionsKey,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    rows: row.rows,
    encoding: row.encoding,
    columns,
    idColumn: columns.find((c) => c.role === "id")?.name ?? null,
    targetColumn: columns.find((c) => c.role === "target")?.name ?? null,
    runId: row.runId,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    rawTable: rawTableName(dataset.slug, row.version),
    stagingTable: stagingTableName(dataset.slug, row.version),
  };
}

export async function getDatasetVersion(versionId: string): Promise<DatasetVersionView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(versionId)) return null;
  const { prisma } = await getDb();
  const row = await prisma.datasetVersion.findUnique({ where: { id: versionId }, include: { dataset: { select: { name: true, slug: true } } } });
  return row ? versionView(row, row.dataset) : null;
}

/** Every dataset with its versions (newest first); columns are summarised to a count. */
export async function listDatasets(): Promise<DatasetView[]> {
  const { prisma } = await getDb();
  const rows = await prisma.dataset.findMany({ orderBy: { createdAt: "desc" }, include: { versions: { orderBy: { version: "desc" } } } });
  return rows.map((d) => ({
    id: d.id,
    slug: d.slug,
    name: d.name,
    idColumn: d.idColumn,
    targetColumn: d.targetColumn,
    createdAt: d.createdAt.toISOString(),
    versions: d.versions.map((v) => {
      const { columns, datasetName: _n, slug: _s, datasetId: _d, ...rest } = versionView(v, d);
      return { ...rest, columnCount: columns.length };
    }),
  }));
}
