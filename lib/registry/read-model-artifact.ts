import { AppError } from "../errors.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { ArtifactNotFoundError } from "../storage/errors.ts";
import type { ModelArtifact } from "./types.ts";

/** Reads a version's model.json (scoring the champion, comparing versions). NOT_FOUND when the object is gone. */
export async function readModelArtifact(key: string): Promise<ModelArtifact> {
  let text: string;
  try {
    text = (await getArtifactStore().getBuffer(key)).toString("utf8");
  } catch (e) {
    if (e instanceof ArtifactNotFoundError) throw new AppError("NOT_FOUND", `The model artifact ${key} is missing from the artifact store. To fix: restore it from a backup, or retrain the model.`, 404, { cause: e });
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<ModelArtifact>;
  if (parsed.format !== "churnops.model/v1" || !parsed.classifier?.family) {
    throw new AppError("INVALID_INPUT", `${key} is not a churnops model artifact (format ${JSON.stringify(parsed.format)}).`, 400);
  }
  return parsed as ModelArtifact;
}
