import { z } from "zod";
import { runDataGate } from "../quality/data-gate.ts";
import type { ExpectationSuite } from "../quality/expectation-types.ts";
import { recordStagingOutputs, stagingTablesOf } from "../lineage/index.ts";
import { isValidArtifactKey } from "../storage/artifact-key.ts";
import { defineStep, type PipelineStep } from "./pipeline-definition.ts";
import { gateSummaryOutput, jsonObject } from "./step-outputs.ts";

/** The data gate as a step: its suites' results are its output, also when it fails (the run page shows them). */
export function validateStep(suites: readonly ExpectationSuite[], message = "running expectation suites") {
  return defineStep({
    id: "validate-raw",
    title: "Validate (data gate)",
    output: gateSummaryOutput,
    async run({ runId, progress }) {
      progress(0, message);
      return runDataGate(suites, runId);
    },
  });
}

/**
 * The two steps after a raw load, for every source: the data gate (its suites; a failure stops the run here) and
 * the staging build from the valid rows (it receives the gate's dq run ids to leave rejected rows out).
 */
export function gateSteps(
  suites: readonly ExpectationSuite[],
  buildStaging: (dqRunIds: readonly string[]) => Promise<z.input<typeof jsonObject>>,
  stagingMessage = "building staging from the valid rows",
): readonly PipelineStep<unknown>[] {
  const validate = validateStep(suites);
  const build = defineStep({
    id: "build-staging",
    title: "Build staging tables",
    output: jsonObject,
    async run({ runId, output, progress, signal }) {
      progress(0, stagingMessage);
      const built = await buildStaging(output(validate).dqRunIds);
      await recordStagingOutputs(runId, stagingTablesOf(suites), { signal }); // per-run snapshot + lineage (lib/lineage)
      return built;
    },
  });
  return [validate, build];
}

/** A pipeline param naming an object in the artifact store (validated like every key at the storage boundary). */
export const artifactKeyParam = z.string().refine(isValidArtifactKey, "not a valid artifact key");
