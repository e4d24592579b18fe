import { createHash } from "node:crypto";
import { z } from "zod";
import { query } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import { baselineSampleRows } from "../../monitoring/baseline-sample.ts";
import type { RawFrame } from "../../ml/types.ts";
import { assertValidArtifactKey } from "../../storage/artifact-key.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import { CALENDAR_COLUMNS, driftColumns } from "../drift/drift-frames.ts";

// A PSI baseline is frozen once and never changed: monitoring.psi_baselines holds one row per freeze (the newest row
// of a dataset is in force), and the sample's values are a JSON artifact, written once under a run-scoped key with
// its sha256 in ops.artifacts. An artifact rather than a table: the sample is read whole and only whole (one GET, no
// query), the store's write-once rule and the recorded hash make "never changed" checkable, and a wide table would
// need one column per feature (or a long table of row × column values: 50× the rows for nothing).

/** The artifact's JSON. Values in drift units (dates as ages in days, booleans 0/1); null = missing. */
export const baselineSampleSchema = z.object({
  format: z.literal("churnops.psi-baseline/1"),
  dataset: z.string(),
  runId: z.string().uuid(),
  share: z.number(),
  rule: z.string(),
  source: z.string(),
  sourceRows: z.number().int(),
  rows: z.number().int(),
  entityIds: z.array(z.string()),
  columns: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
});
export type BaselineSample = z.infer<typeof baselineSampleSchema>;

export interface BaselineRecord {
  runId: string;
  dataset: string;
  share: number;
  rows: number;
  sourceRows: number;
  source: string;
  columns: number;
  artifactKey: string;
  sha256: string;
  createdAt: string;
}

export const SAMPLE_RULE = 'sha256("<entity id>|<as-of day>"), first 48 bits / 2^48, below the share (lib/monitoring/baseline-sample.ts)';

/**
 * The columns a PSI check tests: the frame's numeric, boolean (0/1) and date (age in days at the row's as-of) feature
 * columns, minus the ones that grow with the calendar (CALENDAR_COLUMNS: tenure is older every day by
 * construction). Entity ids and labels are never frame columns; categorical columns have no PSI on quantile bins.
 */
export function psiColumnNames(frame: RawFrame, dataset: string): { names: string[]; skipped: string[] } {
  const calendar = CALENDAR_COLUMNS[dataset] ?? [];
  const names: string[] = [];
  const skipped: string[] = [];
  for (const c of frame.columns) {
    if (c.kind === "categorical") continue;
    (calendar.includes(c.name) ? skipped : names).push(c.name);
  }
  return { names, skipped };
}

type BaselineRow = { run_id: string; dataset: string; share: number; rows: number; source_rows: number; source: string; columns: number; artifact_key: string; sha256: string; created_at: Date };

async function readBaseline(where: string, param: string): Promise<BaselineRecord | null> {
  const [row] = await query<BaselineRow>(
    `SELECT run_id::text, dataset, share, rows, source_rows, source, columns, artifact_key, sha256, created_at FROM monitoring.psi_baselines
      WHERE ${where} ORDER BY created_at DESC, run_id DESC LIMIT 1`,
    [param],
  );
  return row
    ? { runId: row.run_id, dataset: row.dataset, share: row.share, rows: row.rows, sourceRows: row.source_rows, source: row.source, columns: row.columns, artifactKey: row.artifact_key, sha256: row.sha256, createdAt: row.created_at.toISOString() }
    : null;
}

/** The baseline in force for a dataset (its newest), or null before the first run. */
export const currentBaseline = (dataset: string) => readBaseline("dataset = $1", dataset);

/** The baseline frozen by run `runId`, if that run froze one (a retried step finds its own). */
export const baselineOfRun = (runId: string) => readBaseline("run_id = $1::uuid", runId);

/**
 * Freezes the sample of `share` of `frame`'s rows (baselineSampleRows: entity id + as-of day for panel data, entity
 * id alone for tables) as run `runId`'s baseline: the artifact first (same bytes on a retry, so write-once holds),
 * then the row (ON CONFLICT DO NOTHING: a retry keeps the first). Returns the record.
 */
export async function freezeBaseline(o: { runId: string; dataset: string; frame: RawFrame; panel: boolean; share: number; source: string }): Promise<BaselineRecord> {
  const { frame, dataset, runId, share } = o;
  const ids = frame.entityIds;
  if (!ids) throw new RangeError(`freezeBaseline: the frame of ${dataset} has no entity ids`);
  const { names } = psiColumnNames(frame, dataset);
  if (names.length === 0) throw new AppError("CONFLICT", `${dataset} has no numeric column to check (only categories or calendar columns). To fix: nothing to check here; PSI needs numbers.`, 409);
  const keep = baselineSampleRows(ids, o.panel ? frame.asOf : undefined, share);
  if (keep.length === 0) {
    throw new AppError("CONFLICT", `A baseline of ${share} of the ${frame.rows} rows of ${dataset} holds no row. To fix: raise BASELINE_SHARE or load more rows.`, 409);
  }
  const columns = driftColumns(frame, names).map((c) => {
    const values = c.values as Float64Array;
    return { name: c.name, values: keep.map((i) => (Number.isFinite(values[i]!) ? values[i]! : null)) };
  });
  const sample: BaselineSample = {
    format: "churnops.psi-baseline/1", dataset, runId, share, rule: SAMPLE_RULE, source: o.source, sourceRows: frame.rows, rows: keep.length,
    entityIds: keep.map((i) => ids[i]!), columns,
  };
  const key = assertValidArtifactKey(`baselines/psi/${dataset.replace(/[^a-z0-9_-]+/gi, "-")}/${runId}.json`);
  const stored = await putArtifact(key, JSON.stringify(sample), { kind: "baseline", contentType: "application/json", runId });
  await query(
    `INSERT INTO monitoring.psi_baselines (run_id, dataset, share, rows, source_rows, source, columns, artifact_key, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (run_id) DO NOTHING`,
    [runId, dataset, share, keep.length, frame.rows, o.source, columns.length, stored.key, stored.sha256],
  );
  return (await baselineOfRun(runId))!;
}

/** Reads a frozen baseline's sample, checking its bytes against the recorded sha256 (a changed file is an error). */
export async function readBaselineSample(b: Pick<BaselineRecord, "dataset" | "artifactKey" | "sha256">): Promise<BaselineSample> {
  const body = await getArtifactStore().getBuffer(b.artifactKey);
  const sha = createHash("sha256").update(body).digest("hex");
  if (sha !== b.sha256) {
    throw new AppError("CONFLICT", `The PSI baseline ${b.artifactKey} of ${b.dataset} changed after it was frozen (sha256 ${sha}, recorded ${b.sha256}). To fix: run the check with rebaseline=true to freeze a new one.`, 409);
  }
  return baselineSampleSchema.parse(JSON.parse(body.toString("utf8")));
}
