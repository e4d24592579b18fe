import "server-only";
import { getPool } from "../db/client.ts";
import { LOAD_PIPELINE_IDS } from "./load-sources.ts";

export interface ChecklistItem {
  id: "load" | "validate" | "train" | "score";
  title: string;
  done: boolean;
  /** What to do next, and where. */
  hint: string;
  href: string;
}

/**
 * The first-start checklist, ticked from the database: data loaded (a load pipeline succeeded), validated (a
 * validation passed or warned), trained (a model version is registered) and scored (a batch scoring run is recorded).
 */
export async function setupChecklist(): Promise<ChecklistItem[]> {
  const { pool } = await getPool();
  const { rows } = await pool.query<{ loaded: boolean; validated: boolean; trained: boolean; scored: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ops.pipeline_runs WHERE pipeline_id = ANY($1::text[]) AND status = 'succeeded') AS loaded,
            EXISTS (SELECT 1 FROM dqm.dq_runs WHERE status IN ('passed', 'warned')) AS validated,
            EXISTS (SELECT 1 FROM ops.model_versions WHERE status = 'ready') AS trained,
            EXISTS (SELECT 1 FROM monitoring.scoring_runs) AS scored`,
    [LOAD_PIPELINE_IDS],
  );
  const { loaded, validated, trained, scored } = rows[0];
  return [
    { id: "load", title: "Load data", done: loaded, hint: "Load a sample from Data freshness below, or upload your own CSV.", href: "/data/upload" },
    { id: "validate", title: "Validate it", done: validated, hint: "Every load runs the data gate; its reports are under Quality.", href: "/data/quality" },
    { id: "train", title: "Train a model", done: trained, hint: "Run a training pipeline (train-elearning, train-wallet or train-table); its versions are under Models.", href: trained ? "/models" : "/pipelines" },
    { id: "score", title: "Score customers", done: scored, hint: "Run a scoring pipeline (score-elearning, score-wallet or score-table); who is at risk and why is under Predictions.", href: scored ? "/predictions" : "/pipelines" },
  ];
}
