import { z } from "zod";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { Readable } from "node:stream";
import { generateElearningStream } from "../sources/elearning/generate-elearning.ts";
import { loadElearningFromStore, type ElearningKeys } from "../sources/elearning/load-elearning.ts";
import { CSV_ENCODINGS } from "../sources/csv/text-encoding.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { runArtifactKey } from "../storage/run-artifact-key.ts";
import { artifactKeyParam, gatedLoadStep, gateSteps } from "./gate-steps.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { elearningSuites } from "../sources/elearning/elearning-suites.ts";
import { buildElearningStaging } from "../sources/elearning/build-elearning-staging.ts";

/** The load step shared by the sample and the ingest pipeline: reads keys from params or an earlier step. */
export function loadElearningStep<P>(keysOf: (ctx: StepContext<P>) => ElearningKeys) {
  return gatedLoadStep(elearningSuites, keysOf, loadElearningFromStore);
}

/** The data gate and the staging build, shared by every e-learning pipeline. */
export const elearningGateSteps = gateSteps(elearningSuites, buildElearningStaging);

/** The pieces as bytes, reporting how many of `total` have gone by (one piece per simulated day). */
function* asBuffers(chunks: Iterable<string>, total: number, onPiece: (done: number) => void): Generator<Buffer> {
  let done = 0;
  for (const chunk of chunks) {
    yield Buffer.from(chunk);
    onPiece(Math.min(1, ++done / total));
  }
}

const generateCsvs = defineStep({
  id: "generate-csvs",
  title: "Generate CSVs",
  output: z.object({
    usersKey: z.string(),
    eventsKey: z.string(),
    users: z.number().int(),
    events: z.number().int(),
    churnedUsers: z.number().int(),
    bytes: z.number().int(),
  }),
  async run({ runId, params, progress }: StepContext<z.infer<typeof elearningSampleParams>>) {
    progress(0, "generating users and events");
    // events.csv streams into the store as it is generated: a 10× sample never exists as one string.
    const data = generateElearningStream(params);
    // Run-scoped keys: a later run never overwrites the files an earlier run recorded.
    const usersKey = runArtifactKey("elearning", runId, "users.csv");
    const eventsKey = runArtifactKey("elearning", runId, "events.csv");
    const meta = { kind: "dataset", contentType: "text/csv", runId };
    const eventBytes = Readable.from(asBuffers(data.events, params.days + 1, (f) => progress(f, "generating events into the artifact store")));
    const [users, events] = await Promise.all([putArtifact(usersKey, data.usersCsv, meta), putArtifact(eventsKey, eventBytes, meta)]);
    return { usersKey, eventsKey, users: data.stats.users, events: data.stats.events, churnedUsers: data.stats.churnedUsers, bytes: users.bytes + events.bytes };
  },
});

export const elearningSample = definePipeline({
  id: "elearning-sample",
  title: "E-learning sample data",
  description:
    "Generates a deterministic e-learning activity dataset (users + events) into the artifact store, loads it into raw.elearning_*, validates it with the e-learning expectation suites (the data gate) and builds staging.elearning_* from the valid rows; the run's snapshots keep them, and raw.* and staging.* are emptied again.",
  params: elearningSampleParams,
  schedule: "0 2 * * *",
  concurrencyKey: () => "raw.elearning",
  retries: 2,
  steps: [generateCsvs, loadElearningStep(({ output }) => output(generateCsvs)), ...elearningGateSteps],
});

const elearningIngestParams = z.object({
  usersKey: artifactKeyParam.describe("Artifact key of users.csv"),
  eventsKey: artifactKeyParam.describe("Artifact key of events.csv"),
  encoding: z.enum(CSV_ENCODINGS).default("utf-8").describe("Text encoding of both files (strict UTF-8 by default; auto detects UTF-8 vs Windows-1252)"),
});

export const elearningIngest = definePipeline({
  id: "elearning-ingest",
  title: "Ingest e-learning files",
  description: "Loads user-supplied users.csv and events.csv (already in the artifact store, e.g. via `churnops ingest elearning`) into raw.*, replacing what was there, validates and stages them like the sample; the run's snapshots keep the valid rows.",
  params: elearningIngestParams,
  concurrencyKey: () => "raw.elearning",
  retries: 0,
  steps: [loadElearningStep<z.infer<typeof elearningIngestParams>>(({ params }) => params), ...elearningGateSteps],
});
