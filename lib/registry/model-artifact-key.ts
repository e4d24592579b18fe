import { assertValidArtifactKey } from "../storage/artifact-key.ts";
import { AppError } from "../errors.ts";

// Model names become artifact key segments and URL segments (/models/<name>), so they are lower-case slugs:
// "elearning-churn", "wallet-churn", "table-<dataset slug>".
const MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export function assertModelName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new AppError("INVALID_INPUT", `"${name.slice(0, 120)}" is not a model name. To fix: use 1–100 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. "elearning-churn").`);
  }
  return name;
}

/** `models/<name>/<version>/<file>`: a version's artifacts (write-once: a version number is never reused). */
export function modelArtifactKey(name: string, version: number, file: string): string {
  assertModelName(name);
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`a model version is a positive integer, got ${version}`);
  return assertValidArtifactKey(`models/${name}/${version}/${file}`);
}
