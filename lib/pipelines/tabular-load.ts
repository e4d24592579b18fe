import { z } from "zod";
import { runDataGate, type GateSummary } from "../quality/data-gate.ts";
import { getVersionForLoad, loadTabularRaw, markVersionFailed, markVersionLoaded, markVersionRun } from "../sources/tabular/load-tabular.ts";
import { buildTabularStaging } from "../sources/tabular/tabular-staging.ts";
import { tabularSuite } from "../sources/tabular/tabular-suite.ts";
import { recordStagingOutputs } from "../lineage/index.ts";
import { definePipeline, type Json } from "./pipeline-definition.ts";
import { failureKindOf } from "./pipeline-errors.ts";

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

export const tabularLoad = definePipeline({
  id: TABULAR_LOAD,
  title: "Load a tabular dataset",
  description:
    "Loads one confirmed version of an uploaded churn dataset (ARCHITECTURE §6.3) into raw.tabular_<dataset>_v<version> (text, one column per CSV header), validates it with a suite generated from the confirmed column types (the data gate), and builds the typed staging.tabular_<dataset>_v<version> from the valid rows.",
  params,
  concurrencyKey: (p) => `${TABULAR_LOAD}:${p.versionId}`,
  retries: 0,
  steps: [
    {
      id: "load-raw-table",
      title: "Load raw table",
      run: ({ runId, params: p, signal, progress }) =>
        failVersionOnError(p.versionId, async () => {
          const v = await getVersionForLoad(p.versionId);
          await markVersionRun(v.id, runId);
          const loaded = await loadTabularRaw(v, { runId, signal, onProgress: progress });
          return {
            dataset: v.name, version: v.version, table: loaded.table, rows: loaded.rows, bytes: loaded.bytes, sha256: loaded.sha256,
            encoding: v.encoding, fileId: loaded.fileId, durationMs: loaded.durationMs,
          };
        }),
    },
    {
      id: "validate-raw",
      title: "Validate (data gate)",
      run: ({ runId, params: p, progress }) =>
        failVersionOnError(p.versionId, async () => {
          progress(0, "running the generated expectation suite");
          const v = await getVersionForLoad(p.versionId);
          return (await runDataGate([tabularSuite(v)], runId)) as unknown as Json;
        }),
    },
    {
      id: "build-staging",
      title: "Build staging table",
      run: ({ runId, params: p, outputs }) =>
        failVersionOnError(p.versionId, async () => {
          const v = await getVersionForLoad(p.versionId);
          const gate = outputs["validate-raw"] as unknown as GateSummary;
          const raw = outputs["load-raw-table"] as { rows: number };
          const staged = await buildTabularStaging(v, gate.dqRunIds);
          await recordStagingOutputs(runId, [staged.table]); // per-run snapshot + lineage (lib/lineage)
          await markVersionLoaded(v.id, raw.rows, runId);
          return { table: staged.table, rows: staged.rows, rejectedRows: raw.rows - staged.rows, warned: gate.suites.flatMap((s) => s.warned) };
        }),
    },
  ],
});
