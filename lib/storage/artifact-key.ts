import { InvalidArtifactKeyError } from "./errors.ts";

export const MAX_ARTIFACT_KEY_LENGTH = 1024;

/**
 * Double- and triple-encoding (`%252e%252e`) is how MLflow's traversal fixes were bypassed,
 * so we keep decoding until the string stops changing, but cap the rounds to bound the work.
 */
const MAX_DECODE_ROUNDS = 4;

const ALLOWED_CHARACTERS = /^[A-Za-z0-9._=+@,/-]+$/;
const DISALLOWED_CHARACTER = /[^A-Za-z0-9._=+@,/-]/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WINDOWS_DRIVE = /^[a-z]:/i;
// C1 controls (U+0080–U+009F) are included because some terminals and parsers act on them too.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

type Check = (candidate: string) => string | null;

/** Order matters only for the message: the most specific explanation wins. */
const STRUCTURAL_CHECKS: readonly Check[] = [
  (k) => (k.length === 0 ? "it must not be empty" : null),
  (k) => (k.length > MAX_ARTIFACT_KEY_LENGTH ? `it must be at most ${MAX_ARTIFACT_KEY_LENGTH} characters` : null),
  (k) => (CONTROL_CHARACTER.test(k) ? "it must not contain NUL or other control characters" : null),
  (k) => (k.includes("\\") ? 'it must not contain backslashes; use "/" as the separator' : null),
  (k) => (k.startsWith("/") ? 'it must be relative, not start with "/"' : null),
  (k) => (k.startsWith("~") ? 'it must not start with "~"' : null),
  (k) => (WINDOWS_DRIVE.test(k) ? "it must not start with a Windows drive letter such as C:" : null),
  (k) => (URL_SCHEME.test(k) ? "it must not start with a URL scheme such as file:, s3: or http:" : null),
  checkSegments,
];

function checkSegments(key: string): string | null {
  const segments = key.split("/");
  if (segments.some((s) => s === "." || s === "..")) return 'it must not contain "." or ".." segments';
  if (segments.some((s) => s === "")) return 'it must not contain empty segments ("a//b") or a trailing "/"';
  return null;
}

/** The raw key followed by each successive URL-decoding of it, stopping once stable. */
function decodingsOf(raw: string): string[] {
  const variants = [raw];
  let current = raw;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Malformed escapes cannot decode further; the raw "%" still fails the character check.
      break;
    }
    if (decoded === current) break;
    variants.push(decoded);
    current = decoded;
  }
  return variants;
}

function firstProblem(key: string): string | null {
  const variants = decodingsOf(key);
  for (const [index, variant] of variants.entries()) {
    for (const check of STRUCTURAL_CHECKS) {
      const reason = check(variant);
      if (reason) return index === 0 ? reason : `${reason} (after URL-decoding)`;
    }
  }
  if (!ALLOWED_CHARACTERS.test(key)) {
    const offending = [...new Set(key.match(DISALLOWED_CHARACTER) ?? [])].map((c) => JSON.stringify(c));
    return `it contains characters that are not allowed: ${offending.join(", ")}`;
  }
  return null;
}

/**
 * Returns the key unchanged when it is safe to use as a bucket key and as a path below a
 * storage root; throws InvalidArtifactKeyError otherwise. Valid keys are already canonical,
 * so there is nothing to normalise: we reject rather than silently rewrite.
 */
export function assertValidArtifactKey(key: string): string {
  if (typeof key !== "string") throw new InvalidArtifactKeyError(key, "it must be a string");
  const problem = firstProblem(key);
  if (problem) throw new InvalidArtifactKeyError(key, problem);
  return key;
}

export function isValidArtifactKey(key: string): boolean {
  try {
    assertValidArtifactKey(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Listing prefixes follow the key rules, except that "" means "everything" and a single
 * trailing "/" is allowed so callers can ask for one folder without matching its siblings.
 */
export function assertValidArtifactPrefix(prefix: string): string {
  if (prefix === "") return prefix;
  if (typeof prefix !== "string") throw new InvalidArtifactKeyError(prefix, "a prefix must be a string");
  const withoutSlash = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  const problem = firstProblem(withoutSlash);
  if (problem) throw new InvalidArtifactKeyError(prefix, problem);
  return prefix;
}
