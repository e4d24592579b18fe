import { z } from "zod";
import { gateBeforeSwap } from "../sources/gate-before-swap.ts";
import { getVersionForLoad, loadTabularRaw, markVersionFailed, markVersionLoaded, markVersionRun } from "../sources/tabular/load-tabular.ts";
import { buildTabularStaging } from "../sources/tabular/tabular-staging.ts";
import { tabularSuite } from "../sources/tabular/tabular-suite.ts";
import { recordStagingOutputs } from "../lineage/index.ts";
import { announceLoad } from "./announce-load.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { failureKindOf } from "./pipeline-errors.ts";
import { gateSummaryOutput } from "./step-outputs.ts";

export const TABULAR_LOAD = "tabular-load";

const params = z.object({
  versionId: z.string().uuid("a dataset version id (a UUID)").describe("Dataset version to load (from /data/upload or GET /api/datasets)"),
});

/** A failure (not a cancel) marks a confirmed version failed, so the user can correct the types and confirm again. */
async function failVersionOnError<T>(versionId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (failureKindOf(e) !== "cancelled") await markVersionFailed(versionId).catch(() => {});
    throw e;
  }
}

type Ctx = StepContext<z.infer<typeof params>>;

const loadRawTable = defineStep({
  id: "load-raw-table",
  title: "Load and validate raw table",
  output: z.object({
    dataset: z.string(), version: z.number().int(), table: z.string(), rows: z.number().int(), bytes: z.number().int(),
    sha256: z.string(), encoding: z.string(), fileId: z.string().uuid(), durationMs: z.number(), gate: gateSummaryOutput,
  }),
  run: ({ runId, params: p, signal, progress }: Ctx) =>
    failVersionOnError(p.versionId, async () => {
      const v = await getVersionForLoad(p.versionId);
      await markVersionRun(v.id, runId);
      // The gate validates the staged rows before they replace the raw table (a failed gate leaves it unchanged).
      const gate = gateBeforeSwap([tabularSuite(v)], runId);
      const loaded = await loadTabularRaw(v, { runId, signal, onProgress: progress, validate: gate.validate });
      return {
        dataset: v.name, version: v.version, table: loaded.table, rows: loaded.rows, bytes: loaded.bytes, sha256: loaded.sha256,
        encoding: v.encoding, fileId: loaded.fileId, durationMs: loaded.durationMs, gate: gate.summary(),
      };
    }),
});

const validateRaw = defineStep({
  id: "validate-raw",
  title: "Validate (data gate)",
  output: gateSummaryOutput,
  async run({ output, progress }: Ctx) {
    // The gate ran on the staged rows inside the load step; this step reports it.
    progress(1, "the generated expectation suite ran before the swap");
    return output(loadRawTable).gate;
  },
});

const buildStaging = defineStep({
  id: "build-staging",
  title: "Build staging table",
  output: z.object({ table: z.string(), rows: z.number().int(), rejectedRows: z.number().int(), warned: z.array(z.string()) }),
  run: (ctx: Ctx) =>
    failVersionOnError(ctx.params.versionId, async () => {
      const { runId, params: p, output } = ctx;
      const v = await getVersionForLoad(p.versionId);
      const gate = output(validateRaw);
      const raw = output(loadRawTable);
      const staged = await buildTabularStaging(v, gate.dqRunIds);
      const outputs = await recordStagingOutputs(runId, [staged.table]); // per-run snapshot + lineage (lib/lineage)
      await markVersionLoaded(v.id, raw.rows, runId);
      await announceLoad(ctx, "tabular", outputs, v.slug);
      return { table: staged.table, rows: staged.rows, rejectedRows: raw.rows - staged.rows, warned: gate.suites.flatMap((s) => s.warned) };
    }),
});

export const tabularLoad = definePipeline({
  id: TABULAR_LOAD,
  title: "Load a tabular dataset",
  description:
    "Loads one confirmed version of an uploaded churn dataset into raw.tabular_<dataset>_v<version> (text, one column per CSV header), validates it with a suite generated from the confirmed column types (the data gate), and builds the typed staging.tabular_<dataset>_v<version> from the valid rows.",
  params,
  concurrencyKey: (p) => `${TABULAR_LOAD}:${p.versionId}`,
  retries: 0,
  steps: [loadRawTable, validateRaw, buildStaging],
});
