import "server-only";
import { z } from "zod";
import type { ShapSample } from "../ml/explain/sample-shap-rows.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { ArtifactNotFoundError } from "../storage/errors.ts";

// The SHAP summary plot reads a version's shap-sample.json (lib/ml sampleShapRows' shape). The registry stores any
// JSON there, so the page gets null, not a crash, for a missing object or an older or foreign shape; the page then
// says the sample is unavailable and still shows everything else.

const sampleSchema = z.object({
  rows: z.array(z.number()),
  features: z.array(
    z.object({
      feature: z.string(),
      shap: z.array(z.number().nullable()),
      value: z.array(z.union([z.number(), z.string(), z.null()])),
    }),
  ),
});

/** The version's SHAP sample, or null when its artifact is missing or not in lib/ml's ShapSample shape. */
export async function readShapSample(key: string): Promise<ShapSample | null> {
  let text: string;
  try {
    text = (await getArtifactStore().getBuffer(key)).toString("utf8");
  } catch (e) {
    if (e instanceof ArtifactNotFoundError) return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = sampleSchema.safeParse(json);
  if (!parsed.success) return null;
  // JSON has no NaN: a SHAP value written as null is an uncomputable point; the plot skips it.
  return { rows: parsed.data.rows, features: parsed.data.features.map((f) => ({ feature: f.feature, shap: f.shap.map((v) => v ?? Number.NaN), value: f.value })) };
}
