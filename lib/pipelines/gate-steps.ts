import { z } from "zod";
import { ident, query } from "../db/sql.ts";
import { RELEASED_AFTER_SNAPSHOT, recordStagingOutputs, snapshotOf, stagingTablesOf } from "../lineage/index.ts";
import type { ExpectationSuite } from "../quality/expectation-types.ts";
import { isValidArtifactKey } from "../storage/artifact-key.ts";
import { gateBeforeSwap } from "../sources/gate-before-swap.ts";
import type { LoadedFile, ReplaceOptions } from "../sources/replace-tables-from-csv.ts";
import { announceLoad, type LoadedSource } from "./announce-load.ts";
import { defineStep, type PipelineStep, type StepContext, type StepRef } from "./pipeline-definition.ts";
import { gateSummaryOutput, jsonObject, loadedFilesOutput } from "./step-outputs.ts";

/**
 * What a gated load step returns: its files and the data gate's result. The gate runs inside the load, on the
 * staged rows before they replace raw.* (lib/sources/gate-before-swap.ts), so a failed gate leaves raw.* as it was;
 * the step then fails and keeps the gate's result as its output.
 */
export const gatedLoadOutput = loadedFilesOutput.extend({ gate: gateSummaryOutput });

/** The load step every multi-file source shares the id of (e-learning, wallet). */
export const loadRawTablesRef: StepRef<typeof gatedLoadOutput> = { id: "load-raw-tables", output: gatedLoadOutput };

/** A load's files as a step output: one entry per file, and rows per table. */
export function loadedFilesSummary(files: readonly LoadedFile[]) {
  return {
    files: files.map((f) => ({ name: f.fileName, table: f.table, rows: f.rows, bytes: f.bytes, sha256: f.sha256, durationMs: f.durationMs })),
    rows: Object.fromEntries(files.map((f) => [f.table, f.rows])),
  };
}

/**
 * The load step of a multi-file source: loads the files named by `keysOf` (from params or an earlier step) into
 * staged tables, runs the source's suites on them, and swaps them in only when the gate passes.
 */
export function gatedLoadStep<P, K>(
  suites: readonly ExpectationSuite[],
  keysOf: (ctx: StepContext<P>) => K,
  load: (keys: K, options: ReplaceOptions) => Promise<readonly LoadedFile[]>,
) {
  return defineStep({
    ...loadRawTablesRef,
    title: "Load and validate raw tables",
    async run(ctx: StepContext<P>) {
      const gate = gateBeforeSwap(suites, ctx.runId);
      const files = await load(keysOf(ctx), { runId: ctx.runId, signal: ctx.signal, onProgress: ctx.progress, validate: gate.validate });
      return { ...loadedFilesSummary(files), gate: gate.summary() };
    },
  });
}

/**
 * The two steps after a gated load, for every source: the gate's report (its suites ran in the load step) and the
 * staging build from the valid rows (it receives the gate's dq run ids to leave rejected rows out).
 */
export function gateSteps(
  suites: readonly ExpectationSuite[],
  buildStaging: (dqRunIds: readonly string[]) => Promise<z.input<typeof jsonObject>>,
  stagingMessage = "building staging from the valid rows",
  load: StepRef<typeof gatedLoadOutput> = loadRawTablesRef,
): readonly PipelineStep<unknown>[] {
  const validate = defineStep({
    id: "validate-raw",
    title: "Validate (data gate)",
    output: gateSummaryOutput,
    async run({ output, progress }) {
      progress(1, "the expectation suites ran on the staged rows before the swap");
      return output(load).gate;
    },
  });
  const build = defineStep({
    id: "build-staging",
    title: "Build staging tables",
    output: jsonObject,
    async run(ctx) {
      const { runId, output, progress, signal } = ctx;
      progress(0, stagingMessage);
      const built = await buildStaging(output(validate).dqRunIds);
      const outputs = await recordStagingOutputs(runId, stagingTablesOf(suites), { signal }); // per-run snapshot + lineage (lib/lineage)
      await announceLoad(ctx, suites[0]!.source as LoadedSource, outputs);
      return built;
    },
  });
  const released = RELEASED_AFTER_SNAPSHOT[suites[0]!.source] ?? [];
  if (released.length === 0) return [validate, build];
  // A step of its own, after the build's result is recorded: a retried build must still find raw.* full, and
  // emptying again is a no-op.
  const release = defineStep({
    id: "release-working-tables",
    title: "Release working tables",
    output: jsonObject,
    async run({ runId, progress }) {
      progress(0, "the run's snapshots hold the valid rows; emptying raw.* and staging.*");
      for (const table of stagingTablesOf(suites)) await snapshotOf(runId, table); // throws unless complete
      await query(`TRUNCATE ${released.map((t) => ident(t)).join(", ")}`);
      return { released: [...released] };
    },
  });
  return [validate, build, release];
}

/** A pipeline param naming an object in the artifact store (validated like every key at the storage boundary). */
export const artifactKeyParam = z.string().refine(isValidArtifactKey, "not a valid artifact key");
