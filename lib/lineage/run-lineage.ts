import { query } from "../db/sql.ts";

// The read model of a run's lineage for the run page and API: what it read and what it wrote. Loaded files come
// from ops.ingested_files (each load records key + sha256 + rows there already); everything else from ops.run_lineage.

export interface LineageEntry {
  kind: "artifact" | "table";
  /** artifact key or qualified table name */
  name: string;
  sha256: string | null;
  bytes: number | null;
  rowCount: number | null;
  checksum: string | null;
  /** the run that produced an input (null when unknown, e.g. an upload made before any run) */
  producedByRunId: string | null;
  /** inputs that were loaded: the raw table they went into */
  loadedInto: string | null;
  /** outputs of kind table: the relation holding this run's copy (null once retention dropped it) */
  snapshotTable: string | null;
  pinned: boolean;
}

export interface RunLineage {
  inputs: LineageEntry[];
  outputs: LineageEntry[];
}

type Row = {
  direction: "input" | "output"; kind: "artifact" | "table"; name: string; sha256: string | null; bytes: string | null; row_count: string | null;
  checksum: string | null; produced_by: string | null; loaded_into: string | null; snapshot_table: string | null; pinned: boolean;
};

const num = (v: string | null) => (v === null ? null : Number(v));

/** Inputs then outputs, artifacts before tables, by name. Empty lists for a run that recorded nothing. */
export async function getRunLineage(runId: string): Promise<RunLineage> {
  const rows = await query<Row>(
    `SELECT 'input' AS direction, 'artifact' AS kind, f.artifact_key AS name, f.sha256, f.bytes::text, f.rows::text AS row_count, NULL AS checksum,
            a.run_id::text AS produced_by, f.table_name AS loaded_into, NULL AS snapshot_table, false AS pinned
       FROM ops.ingested_files f LEFT JOIN ops.artifacts a ON a.key = f.artifact_key
      WHERE f.run_id = $1 AND f.artifact_key IS NOT NULL
     UNION ALL
     SELECT l.direction::text, l.kind::text, l.name, l.sha256, l.bytes::text, l.row_count::text, l.checksum,
            l.source_run_id::text, NULL, l.snapshot_table, l.pinned
       FROM ops.run_lineage l
      WHERE l.run_id = $1
      ORDER BY 1, 2, 3`,
    [runId],
  );
  const entry = (r: Row): LineageEntry => ({
    kind: r.kind, name: r.name, sha256: r.sha256, bytes: num(r.bytes), rowCount: num(r.row_count), checksum: r.checksum,
    producedByRunId: r.produced_by, loadedInto: r.loaded_into, snapshotTable: r.snapshot_table, pinned: r.pinned,
  });
  return { inputs: rows.filter((r) => r.direction === "input").map(entry), outputs: rows.filter((r) => r.direction === "output").map(entry) };
}
