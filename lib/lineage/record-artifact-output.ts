import { query } from "../db/sql.ts";

/** Records an artifact a run wrote (putArtifact calls this); a retry that wrote the same bytes changes nothing. */
export async function recordArtifactOutput(runId: string, artifact: { key: string; sha256: string; bytes: number }): Promise<void> {
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, sha256, bytes) VALUES ($1, 'output', 'artifact', $2, $3, $4)
     ON CONFLICT (run_id, direction, kind, name) DO NOTHING`,
    [runId, artifact.key, artifact.sha256, artifact.bytes],
  );
}
