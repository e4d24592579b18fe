import { assertValidArtifactKey } from "./artifact-key.ts";
import { InvalidArtifactKeyError } from "./errors.ts";

// Every dataset object is keyed by who wrote it, never by a date: two runs on one day write different keys, so a
// recorded sha256 keeps describing the bytes under its key (keys are write-once, see artifact-store.ts).

const SEGMENT = /^[A-Za-z0-9._=+@,-]+$/;

function segment(value: string, what: string, key: string): string {
  if (!SEGMENT.test(value) || value === "." || value === "..") throw new InvalidArtifactKeyError(key, `the ${what} ${JSON.stringify(value)} must be one key segment`);
  return value;
}

/** `datasets/<source>/<runId>/<fileName>`: what a pipeline run writes (fileName may have sub-folders). */
export function runArtifactKey(source: string, runId: string, fileName: string): string {
  const key = `datasets/${source}/${runId}/${fileName}`;
  segment(source, "source", key);
  segment(runId, "run id", key);
  return assertValidArtifactKey(key);
}

/**
 * `datasets/<source>/uploads/<uploadId>/<fileName>`: files stored before any run exists (the CLI's ingest commands).
 * The upload id is a fresh UUID per upload, so a second upload of changed files never collides with the first.
 * Tabular uploads are keyed by their dataset version instead (datasets/tabular/<slug>/v<n>/…, reserved by a unique row).
 */
export function uploadArtifactKey(source: string, uploadId: string, fileName: string): string {
  return assertValidArtifactKey(`${uploadArtifactPrefix(source, uploadId)}/${fileName}`);
}

/** The folder of one upload, `datasets/<source>/uploads/<uploadId>`, for writers that add the file names. */
export function uploadArtifactPrefix(source: string, uploadId: string): string {
  const prefix = `datasets/${source}/uploads/${uploadId}`;
  segment(source, "source", prefix);
  segment(uploadId, "upload id", prefix);
  return assertValidArtifactKey(prefix);
}
