import { Readable } from "node:stream";
import { AppError } from "../errors.ts";
import { isValidArtifactKey } from "../storage/artifact-key.ts";
import { findArtifact, type ArtifactRecord } from "../storage/artifact-records.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { ArtifactNotFoundError } from "../storage/errors.ts";
import { errorResponse } from "./route-errors.ts";

// What the routes that serve stored artifacts share (/api/artifacts as a download, /api/report-view inline): only
// keys recorded in ops.artifacts are served, so a route never touches a path the database does not reference.

/** The key of a catch-all route's segments, checked and looked up. @throws AppError INVALID_INPUT (400), NOT_FOUND (404) */
export async function recordedArtifact(segments: readonly string[]): Promise<{ key: string; record: ArtifactRecord; fileName: string }> {
  const key = segments.join("/");
  if (!isValidArtifactKey(key)) {
    throw new AppError("INVALID_INPUT", "That is not a valid artifact key: keys are relative paths of letters, digits and . _ = + @ , - segments.", 400);
  }
  const record = await findArtifact(key);
  if (!record) throw new AppError("NOT_FOUND", `There is no artifact "${key}".`, 404);
  return { key, record, fileName: key.slice(key.lastIndexOf("/") + 1) };
}

/** The stored bytes as a web stream (read from the store, never redirected). */
export async function artifactBody(key: string): Promise<ReadableStream<Uint8Array>> {
  return Readable.toWeb(await getArtifactStore().getStream(key)) as ReadableStream<Uint8Array>;
}

/** The route's error response: a recorded key whose bytes are gone is a 404 that says so. */
export function storedArtifactError(e: unknown, what = "artifact"): Response {
  if (e instanceof ArtifactNotFoundError) {
    return errorResponse(new AppError("NOT_FOUND", `The ${what} is recorded but missing from the artifact store.`, 404));
  }
  return errorResponse(e);
}
