/** Shown in every rejection so the caller learns the fix, not just the failure. */
const VALID_KEY_HINT =
  'A valid key is a relative path of "/"-separated segments using only letters, digits and . _ = + @ , - ' +
  '(e.g. "datasets/elearning/2025-01-01/users.csv" or "models/churn/3/model.json").';

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
