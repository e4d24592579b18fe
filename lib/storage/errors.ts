import { AppError } from "../errors.ts";

/** Shown in every rejection so the caller learns the fix, not just the failure. */
const VALID_KEY_HINT =
  'A valid key is a relative path of "/"-separated segments using only letters, digits and . _ = + @ , - ' +
  '(e.g. "datasets/elearning/<run id>/users.csv" or "models/churn/3/model.json").';

/** Keys can carry control characters or huge payloads; quote and cap them so logs stay readable. */
function quoteKey(key: unknown): string {
  const text = typeof key === "string" ? key : String(key);
  const quoted = JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
  return quoted;
}

export class InvalidArtifactKeyError extends Error {
  readonly code = "INVALID_ARTIFACT_KEY";
  readonly key: string;
  readonly reason: string;

  constructor(key: unknown, reason: string) {
    super(`Invalid artifact key ${quoteKey(key)}: ${reason}. ${VALID_KEY_HINT}`);
    this.name = "InvalidArtifactKeyError";
    this.key = typeof key === "string" ? key : String(key);
    this.reason = reason;
  }
}

export class ArtifactNotFoundError extends Error {
  readonly code = "ARTIFACT_NOT_FOUND";
  readonly key: string;

  constructor(key: string, options?: { cause?: unknown }) {
    super(`Artifact ${quoteKey(key)} was not found in the artifact store.`, options);
    this.name = "ArtifactNotFoundError";
    this.key = key;
  }
}

/**
 * Artifacts are write-once: a key that already holds different bytes is never replaced, because a run's
 * recorded sha256 must keep describing the bytes under its key. An AppError, so a route answers 409.
 */
export class ArtifactConflictError extends AppError {
  readonly key: string;

  constructor(key: string, existingSha256: string | null, newSha256: string, options?: { cause?: unknown }) {
    const existing = existingSha256 ? ` (stored sha256 ${existingSha256.slice(0, 12)}…, new ${newSha256.slice(0, 12)}…)` : "";
    super(
      "CONFLICT",
      `Artifact ${quoteKey(key)} already exists with different content${existing}; artifacts are write-once. To fix: write under a new key (keys carry the run or upload id), or delete the old object first if it is truly unused.`,
      409,
      options,
    );
    this.name = "ArtifactConflictError";
    this.key = key;
  }
}
