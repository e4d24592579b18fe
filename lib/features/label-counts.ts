import { ident, query } from "../db/sql.ts";
import { frameSourceOf, type TrainingFrameSpec } from "./load-training-frame.ts";

export interface LabelCounts {
  /** rows of the feature build (labelled or not) */
  rows: number;
  labelled: number;
  churners: number;
  /** churners / labelled, null with no labelled row */
  churnRate: number | null;
}

/** How many rows of a training source carry a label, and how many of those churned (one set-based count). */
export async function labelCounts(spec: TrainingFrameSpec): Promise<LabelCounts> {
  const source = await frameSourceOf(spec);
  const label = `t.${ident(source.labelColumn ?? "churn")}`;
  const [row] = await query<{ rows: number; labelled: number; churners: number }>(
    `SELECT count(*)::int AS rows, count(${label})::int AS labelled, coalesce(sum(${label}::int), 0)::int AS churners
       FROM ${ident(source.relation)} t WHERE ${source.filter?.sql ?? "true"}`,
    source.filter?.params ?? [],
  );
  const { rows, labelled, churners } = row!;
  return { rows, labelled, churners, churnRate: labelled > 0 ? churners / labelled : null };
}
