import { assertValidArtifactKey } from "../../storage/artifact-key.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import { modelFromJSON } from "../../ml/model-from-json.ts";
import type { BinaryClassifier, ModelJson } from "../../ml/types.ts";

// Models a training run fits before one is registered live under training/<model>/<runId>/<role>.json: steps may run
// in different processes (Inngest), so a later step reads the fitted model back rather than refitting it. Fits are
// deterministic, so a retried step writes the same bytes (write-once keys accept the same bytes again).

export function trainingModelKey(runId: string, modelName: string, role: string): string {
  return assertValidArtifactKey(`training/${modelName}/${runId}/${role}.json`);
}

export async function writeTrainingModel(runId: string, modelName: string, role: string, json: ModelJson): Promise<string> {
  const key = trainingModelKey(runId, modelName, role);
  await putArtifact(key, JSON.stringify(json), { kind: "model", contentType: "application/json", runId });
  return key;
}

export async function readTrainingModel(key: string): Promise<BinaryClassifier> {
  return modelFromJSON(await readTrainingModelJson(key));
}

export async function readTrainingModelJson(key: string): Promise<ModelJson> {
  return JSON.parse((await getArtifactStore().getBuffer(key)).toString("utf8")) as ModelJson;
}
