import { getDb } from "../db/client.ts";
import { assertValidArtifactKey } from "../storage/artifact-key.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { csvLine } from "../ui/csv-cell.ts";

// The full scored list as a CSV in the artifact store, downloadable from /predictions. Keys are run-scoped
// (predictions/<dataset>/<date>/<run>.csv): artifacts are write-once, so two scoring runs on one day must not share
// a key (the predictions/<dataset>/<date>.csv would refuse the second run's file).

const PAGE = 50_000;

export function predictionsCsvKey(dataset: string, day: string, runId: string): string {
  return assertValidArtifactKey(`predictions/${dataset.replace(/[^a-z0-9_-]+/gi, "-")}/${day}/${runId}.csv`);
}

/** Writes the run's predictions in rank order (rank, entity, as-of, probability, band, model, version). */
export async function exportPredictionsCsv(runId: string, dataset: string, day: string): Promise<{ key: string; bytes: number }> {
  const { pool } = await getDb();
  let after = 0;
  const parts: string[] = [csvLine(["rank", "entity_id", "as_of", "probability", "risk_band", "model", "version"])];
  for (;;) {
    const { rows } = await pool.query<{ rank: number; entity_id: string; as_of: string | null; probability: number; risk_band: string; model: string; version: number }>(
      `SELECT rank, entity_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, probability, risk_band, model, version
         FROM ops.predictions WHERE run_id = $1 AND rank > $2 ORDER BY rank LIMIT ${PAGE}`,
      [runId, after],
    );
    if (rows.length === 0) break;
    // csvLine neutralises an id such as "=HYPERLINK(...)" before a spreadsheet opens the file.
    for (const r of rows) parts.push(csvLine([r.rank, r.entity_id, r.as_of, r.probability, r.risk_band, r.model, r.version]));
    after = rows[rows.length - 1]!.rank;
    if (rows.length < PAGE) break;
  }
  const key = predictionsCsvKey(dataset, day, runId);
  const stored = await putArtifact(key, parts.join(""), { kind: "predictions", contentType: "text/csv", runId });
  return { key, bytes: stored.bytes };
}
