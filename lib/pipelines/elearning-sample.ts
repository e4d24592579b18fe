import { z } from "zod";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { loadElearningFromStore, loadedSummary, type ElearningKeys } from "../sources/elearning/load-elearning.ts";
import { CSV_ENCODINGS } from "../sources/csv/text-encoding.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { artifactKeyParam, gateSteps } from "./gate-steps.ts";
import { definePipeline, type Json, type PipelineStep } from "./pipeline-definition.ts";
import { gateBeforeSwap } from "../sources/gate-before-swap.ts";
import { elearningSuites } from "../sources/elearning/elearning-suites.ts";
import { buildElearningStaging } from "../sources/elearning/build-elearning-staging.ts";

/** The load step shared by the sample and the ingest pipeline: reads keys from params or an earlier step. */
export function loadElearningStep<P>(keysOf: (params: P, outputs: Record<string, unknown>) => ElearningKeys): PipelineStep<P> {
  return {
    id: "load-raw-tables",
    title: "Load raw tables",
    async run({ runId, params, outputs, signal, progress }) {
      // The gate validates the staged rows before they replace raw.* (a failed gate leaves raw.* unchanged).
      const gate = gateBeforeSwap(elearningSuites, runId);
      const files = await loadElearningFromStore(keysOf(params, outputs), { runId, signal, onProgress: progress, validate: gate.validate });
      return { ...loadedSummary(files), gate: gate.summary() as unknown as Json };
    },
  };
}

/** The data gate and the staging build, shared by every e-learning pipeline. */
export const elearningGateSteps = gateSteps(elearningSuites, buildElearningStaging);

export const elearningSample = definePipeline({
  id: "elearning-sample",
  title: "E-learning sample data",
  description:
    "Generates a deterministic e-learning activity dataset (users + events, ARCHITECTURE §6.1) into the artifact store, loads it into raw.elearning_*, validates it with the e-learning expectation suites (the data gate) and builds staging.elearning_* from the valid rows.",
  params: elearningSampleParams,
  schedule: "0 2 * * *",
  concurrencyKey: () => "raw.elearning",
  retries: 2,
  steps: [
    {
      id: "generate-csvs",
      title: "Generate CSVs",
      async run({ runId, params, progress }) {
        progress(0, "generating users and events");
        const data = generateElearning(params);
        const day = new Date().toISOString().slice(0, 10);
        const usersKey = `datasets/elearning/${day}/users.csv`;
        const eventsKey = `datasets/elearning/${day}/events.csv`;
        progress(0.5, "writing CSVs to the artifact store");
        const meta = { kind: "dataset", contentType: "text/csv", runId };
        const [users, events] = await Promise.all([putArtifact(usersKey, data.usersCsv, meta), putArtifact(eventsKey, data.eventsCsv, meta)]);
        return { usersKey, eventsKey, users: data.stats.users, events: data.stats.events, churnedUsers: data.stats.churnedUsers, bytes: users.bytes + events.bytes };
      },
    },
    loadElearningStep((_p, outputs) => outputs["generate-csvs"] as { usersKey: string; eventsKey: string }),
    ...elearningGateSteps,
  ],
});

const artifactKey = artifactKeyParam;

export const elearningIngest = definePipeline({
  id: "elearning-ingest",
  title: "Ingest e-learning files",
  description: "Loads user-supplied users.csv and events.csv (already in the artifact store, e.g. via `churnops ingest elearning`) into raw.*, replacing what was there.",
  params: z.object({
    usersKey: artifactKey.describe("Artifact key of users.csv"),
    eventsKey: artifactKey.describe("Artifact key of events.csv"),
    // UTF-8 by default, strictly: the contract's exports are UTF-8, and a stray byte must be an error naming its line,
    // not a silent guess of Windows-1252. "auto" stays available for spreadsheet exports.
    encoding: z.enum(CSV_ENCODINGS).default("utf-8").describe("Text encoding of both files (default utf-8, strict; auto detects UTF-8 vs Windows-1252)"),
  }),
  concurrencyKey: () => "raw.elearning",
  retries: 0,
  steps: [loadElearningStep((p: ElearningKeys) => p), ...elearningGateSteps],
});
