import { query } from "../db/sql.ts";

/**
 * Records a stored file a run read that another run wrote (files a run loads itself are already its inputs through
 * ops.ingested_files): key, sha256 and the producing run. A retry records nothing new.
 */
export async function recordArtifactInput(runId: string, artifact: { key: string; sha256: string; bytes: number; producedByRunId: string | null }): Promise<void> {
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, sha256, bytes, source_run_id) VALUES ($1, 'input', 'artifact', $2, $3, $4, $5)
     ON CONFLICT (run_id, direction, kind, name) DO NOTHING`,
    [runId, artifact.key, artifact.sha256, artifact.bytes, artifact.producedByRunId],
  );
}
