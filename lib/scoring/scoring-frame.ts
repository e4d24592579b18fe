import { AppError } from "../errors.ts";
import { query } from "../db/sql.ts";
import { ident } from "../db/sql.ts";
import { frameSourceOf } from "../features/load-training-frame.ts";
import { loadFrame, type FrameSource } from "../features/load-frame.ts";
import type { RawFrame } from "../ml/types.ts";
import { z } from "zod";
import { scoringFileSource } from "./scoring-file.ts";

/** Which rows a scoring run scores; stored with the run (monitoring.scoring_runs.frame) so drift reads the same rows. */
export const scoringFrameSchema = z.object({
  source: z.enum(["elearning", "wallet", "tabular"]),
  /** the load run whose features (or, for tables, snapshot) are scored */
  sourceRunId: z.string().uuid(),
  featureSetVersion: z.number().int().optional(),
  datasetVersionId: z.string().uuid().optional(),
  /** panel data: the as-of date scored (YYYY-MM-DD); "all" scores every as-of date (the benchmark's 240k user-days) */
  asOf: z.string().nullable(),
  /** tables: the day date ages are taken at (days since 1970-01-01) */
  referenceDay: z.number().int().optional(),
  /** a scored CSV file (churnops score --file): its artifact key and the table it was typed into */
  file: z.object({ key: z.string(), table: z.string() }).optional(),
});

export type ScoringFrame = z.infer<typeof scoringFrameSchema>;

/** The frame source and row filter of a scoring frame: loadFrame and the in-database scorer read exactly these rows. */
export async function scoringSource(frame: ScoringFrame): Promise<{ source: FrameSource; where?: { sql: string; params: unknown[] } }> {
  if (frame.file) return { source: await scoringFileSource(frame.file.table, frame.datasetVersionId!) };
  const source =
    frame.source === "tabular"
      ? await frameSourceOf({ source: "tabular", datasetVersionId: frame.datasetVersionId! })
      : await frameSourceOf({ source: frame.source, sourceRunId: frame.sourceRunId, ...(frame.featureSetVersion ? { featureSetVersion: frame.featureSetVersion } : {}) });
  if (!source.asOfColumn || frame.asOf === null || frame.asOf === "all") return { source };
  return { source, where: { sql: `t.${ident(source.asOfColumn)} = $${(source.filter?.params.length ?? 0) + 1}::date`, params: [frame.asOf] } };
}

/** The newest as-of date of a feature build (YYYY-MM-DD): what "score the latest day / week" scores. */
export async function latestAsOf(source: FrameSource): Promise<string> {
  if (!source.asOfColumn) throw new RangeError(`latestAsOf: ${source.relation} has no as-of column`);
  const [row] = await query<{ d: string | null }>(
    `SELECT to_char(max(t.${ident(source.asOfColumn)}), 'YYYY-MM-DD') AS d FROM ${ident(source.relation)} t WHERE ${source.filter?.sql ?? "true"}`,
    source.filter?.params ?? [],
  );
  if (!row?.d) throw new AppError("NOT_FOUND", `${source.relation} has no rows for this load. To fix: load data and train first.`, 404);
  return row.d;
}

/**
 * The rows of a scoring frame as typed arrays (scoring in Node, the top-K explanations and drift all read these), with
 * the frame source they came from. Tables without as-of dates get `referenceDay` as every row's as-of, so their date
 * columns become ages at that day as in training.
 */
export async function loadScoringFrame(frame: ScoringFrame): Promise<{ source: FrameSource; raw: RawFrame }> {
  const { source, where } = await scoringSource(frame);
  const { frame: raw } = await loadFrame(source, { labels: false, ...(where ? { where } : {}) });
  if (!raw.asOf && frame.referenceDay !== undefined) raw.asOf = new Float64Array(raw.rows).fill(frame.referenceDay);
  return { source, raw };
}
