import { z } from "zod";
import { runDataGate, type GateSummary } from "../quality/data-gate.ts";
import type { ExpectationSuite } from "../quality/expectation-types.ts";
import { isValidArtifactKey } from "../storage/artifact-key.ts";
import type { Json, PipelineStep } from "./pipeline-definition.ts";

/**
 * The two steps after a raw load, for every source: the data gate (its suites; a failure stops the run here) and
 * the staging build from the valid rows (it receives the gate's dq run ids to leave rejected rows out).
 */
export function gateSteps(
  suites: readonly ExpectationSuite[],
  buildStaging: (dqRunIds: readonly string[]) => Promise<unknown>,
  stagingMessage = "building staging from the valid rows",
): readonly PipelineStep<unknown>[] {
  return [
    {
      id: "validate-raw",
      title: "Validate (data gate)",
      async run({ runId, outputs, progress }) {
        // A load that validated its staged rows before the swap (gateBeforeSwap) returns the gate as `gate`.
        const ran = (outputs["load-raw-tables"] as { gate?: Json } | undefined)?.gate;
        if (ran) return ran;
        progress(0, "running expectation suites");
        return (await runDataGate(suites, runId)) as unknown as Json;
      },
    },
    {
      id: "build-staging",
      title: "Build staging tables",
      async run({ outputs, progress }) {
        progress(0, stagingMessage);
        const gate = outputs["validate-raw"] as unknown as GateSummary;
        return (await buildStaging(gate.dqRunIds)) as Json;
      },
    },
  ];
}

/** A pipeline param naming an object in the artifact store (validated like every key at the storage boundary). */
export const artifactKeyParam = z.string().refine(isValidArtifactKey, "not a valid artifact key");
