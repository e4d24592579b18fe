import { query } from "../db/sql.ts";

// Hyper-parameter trials are written one by one as they finish, so the run page (and the version page later) shows
// the search while it runs. Keyed on (run, model, family, index): a retried search step rewrites its own trials.

export interface SearchTrialInput {
  runId: string;
  modelName: string;
  family: string;
  /** position in the search, 0-based */
  index: number;
  params: Record<string, unknown>;
  /** the validation-slice score (null when it could not be computed) */
  validationScore: number | null;
  /** which metric validationScore is, e.g. "pr_auc" */
  metric: string;
}

export async function recordSearchTrial(trial: SearchTrialInput): Promise<void> {
  const score = trial.validationScore !== null && Number.isFinite(trial.validationScore) ? trial.validationScore : null;
  await query(
    `INSERT INTO ops.search_trials (run_id, model_name, family, index, params, validation_score, metric)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
     ON CONFLICT (run_id, model_name, family, index)
     DO UPDATE SET params = EXCLUDED.params, validation_score = EXCLUDED.validation_score, metric = EXCLUDED.metric, created_at = now()`,
    [trial.runId, trial.modelName, trial.family, trial.index, JSON.stringify(trial.params), score, trial.metric],
  );
}
