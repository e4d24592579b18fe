import { afterAll, describe, expect, it } from "vitest";
import { readShapSample } from "./read-shap-sample.ts";
import { saveModelVersion } from "./save-model-version.ts";
import { outboxEmit, settleOutbox, trainingRun, versionInput } from "./testing.ts";

describe("readShapSample", () => {
  afterAll(settleOutbox);

  it("returns the sample a version was saved with, in lib/ml's ShapSample shape", async () => {
    const run = await trainingRun();
    const shapSample = {
      rows: [0, 3],
      features: [
        { feature: "logins_7d", shap: [0.25, -0.5], value: [4, null] },
        { feature: "plan", shap: [0.125, null], value: ["paid", "free"] },
      ],
    };
    const saved = await saveModelVersion({ ...versionInput("shap-a", run), shapSample }, { emit: outboxEmit(run) });
    const sample = await readShapSample(saved.shapSampleKey);
    expect(sample?.rows).toEqual([0, 3]);
    expect(sample?.features[0]).toEqual({ feature: "logins_7d", shap: [0.25, -0.5], value: [4, null] });
    // null (JSON's NaN) comes back as NaN: an uncomputable point, skipped by the plot
    expect(sample?.features[1].shap[0]).toBe(0.125);
    expect(Number.isNaN(sample?.features[1].shap[1])).toBe(true);
  });

  it("returns null for another JSON shape and for a missing object", async () => {
    const run = await trainingRun();
    const saved = await saveModelVersion(versionInput("shap-b", run), { emit: outboxEmit(run) }); // testing.ts' rows-of-arrays shape
    expect(await readShapSample(saved.shapSampleKey)).toBeNull();
    expect(await readShapSample("models/shap-b/99/shap-sample.json")).toBeNull();
  });
});
