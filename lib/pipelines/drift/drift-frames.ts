import { AppError } from "../../errors.ts";
import { query } from "../../db/sql.ts";
import { loadTrainingFrame } from "../../features/load-training-frame.ts";
import type { ColumnValues } from "../../monitoring/drift/index.ts";
import type { RawFrame } from "../../ml/types.ts";
import { subsetFrame } from "../../scoring/subset-frame.ts";
import { loadScoringFrame, scoringFrameSchema } from "../../scoring/scoring-frame.ts";
import { frameSpecOf, trainingTargetOutput } from "../train/training-target.ts";

// Drift compares the rows a model was trained on (reference) with the rows it scored last (current), column by
// column in the model's raw feature units: numbers as they are, dates as ages in days at each row's as-of date (so
// time passing alone is not drift), categories as text.

/** The scoring run a drift check looks at: the given one, or the dataset's latest. */
export async function scoringRunFor(dataset: string, scoringRunId?: string): Promise<{ runId: string; model: string; version: number; frame: unknown; rows: number; asOf: string | null }> {
  const [row] = await query<{ run_id: string; model: string; version: number; frame: unknown; rows: number; as_of: string | null }>(
    `SELECT run_id::text, model, version, frame, rows, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM monitoring.scoring_runs
      WHERE dataset = $1 AND ($2::uuid IS NULL OR run_id = $2::uuid) ORDER BY created_at DESC LIMIT 1`,
    [dataset, scoringRunId ?? null],
  );
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      scoringRunId
        ? `Scoring run ${scoringRunId} of ${dataset} does not exist. To fix: pick a scoring run listed on /predictions.`
        : `Nothing of ${dataset} has been scored yet, so there is no current data to compare. To fix: run the scoring pipeline first, then check drift.`,
      404,
    );
  }
  return { runId: row.run_id, model: row.model, version: row.version, frame: row.frame, rows: row.rows, asOf: row.as_of };
}

/**
 * Columns a drift check leaves out, per source: features that grow with the calendar by construction (a user's
 * tenure is 30 days longer on the scored day than on the training rows a month earlier), which every check would
 * flag without anything having changed. The report lists them as not tested.
 */
export const CALENDAR_COLUMNS: Readonly<Record<string, readonly string[]>> = { elearning: ["days_since_signup"] };

/** The rows of a frame whose as-of day is within the last `days` days of the frame (panel data); others as they are. */
export function lastDays(frame: RawFrame, days: number): RawFrame {
  if (!frame.asOf || frame.rows === 0) return frame;
  let max = -Infinity;
  for (const d of frame.asOf) if (d > max) max = d;
  const keep: number[] = [];
  for (let i = 0; i < frame.rows; i++) if (frame.asOf[i]! > max - days) keep.push(i);
  return keep.length === frame.rows ? frame : subsetFrame(frame, keep);
}

/**
 * The training rows of a model version: what its training run's features step selected. Daily panels (e-learning)
 * keep only the training set's last `panelDays` as-of days: the whole panel mixes every user's first weeks with
 * their current state, so tenure and recency columns of any single day would "drift" from it without anything
 * having changed. Weekly snapshots (wallet) are already the last N weeks; tables have no as-of dates.
 */
export async function referenceFrame(model: string, version: number, panelDays?: number): Promise<RawFrame> {
  const [row] = await query<{ output: unknown }>(
    `SELECT s.output FROM ops.model_versions v JOIN ops.registered_models m ON m.id = v.model_id
       JOIN ops.pipeline_steps s ON s.run_id = v.run_id AND s.step_id = 'build-features'
      WHERE m.name = $1 AND v.version = $2`,
    [model, version],
  );
  if (!row) throw new AppError("NOT_FOUND", `The training run of ${model} v${version} is no longer recorded, so its training rows cannot be read. To fix: retrain the model.`, 404);
  const target = trainingTargetOutput.parse(row.output);
  const { frame } = await loadTrainingFrame(frameSpecOf(target));
  if (!frame.asOf && target.referenceDay !== undefined) frame.asOf = new Float64Array(frame.rows).fill(target.referenceDay);
  return target.source === "elearning" && panelDays !== undefined ? lastDays(frame, panelDays) : frame;
}

/** The rows a scoring run scored, read again from the same features (or table snapshot). */
export async function currentFrame(scoringFrame: unknown): Promise<RawFrame> {
  return (await loadScoringFrame(scoringFrameSchema.parse(scoringFrame))).raw;
}

/** Columns of a frame in drift units (dates → age in days at the row's as-of day; booleans → 0/1 numbers). */
export function driftColumns(frame: RawFrame, names: readonly string[]): ColumnValues[] {
  const out: ColumnValues[] = [];
  for (const name of names) {
    const c = frame.columns.find((col) => col.name === name);
    if (!c) throw new RangeError(`driftColumns: the frame has no column "${name}"`);
    if (c.kind === "categorical") {
      out.push({ name, kind: "categorical", values: c.values });
    } else if (c.kind === "date") {
      const ages = new Float64Array(frame.rows);
      for (let i = 0; i < frame.rows; i++) ages[i] = frame.asOf ? frame.asOf[i]! - c.values[i]! : Number.NaN;
      out.push({ name, kind: "numeric", values: ages });
    } else {
      out.push({ name, kind: "numeric", values: c.values });
    }
  }
  return out;
}
