import { z } from "zod";
import { withTransaction } from "../../db/sql.ts";
import { getEnv } from "../../env.ts";
import { DRIFT_DEFAULTS } from "../../monitoring/config.ts";
import { columnDrift, datasetDrift, type ColumnDriftResult } from "../../monitoring/drift/index.ts";
import { renderDriftReport } from "../../monitoring/report/render-drift-report.ts";
import type { PreprocessorJson } from "../../ml/preprocess/preprocessor-json.ts";
import { scoringModel } from "../../scoring/champion-version.ts";
import { assertValidArtifactKey } from "../../storage/artifact-key.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { DataGateError } from "../pipeline-errors.ts";
import { defineStep, type StepContext } from "../pipeline-definition.ts";
import { CALENDAR_COLUMNS, currentFrame, driftColumns, referenceFrame, scoringRunFor } from "./drift-frames.ts";
import { insertDriftColumns, readDriftColumns } from "./drift-queries.ts";

// The steps of every drift pipeline: compare (statistics per column into monitoring tables), report (the HTML file
// and the drift.detected event), verdict (a FAIL stops the run as a data gate: CLI exit 2).

export const driftParams = z.object({
  scoringRunId: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().uuid("a scoring run id (a UUID)").optional())
    .describe("Scoring run whose rows are the current data (default: the latest)"),
  shareThreshold: z.coerce.number().gt(0).max(1).optional().describe("Share of drifted columns that means dataset drift (default CHURNOPS_DRIFT_SHARE, 0.5)"),
});

export type DriftParams = z.infer<typeof driftParams>;

const statusEnum = z.enum(["pass", "warn", "fail"]);

const compareOutput = z.object({
  dataset: z.string(),
  scoringRunId: z.string().uuid(),
  model: z.string(),
  version: z.number().int(),
  referenceRows: z.number().int(),
  currentRows: z.number().int(),
  columns: z.number().int(),
  driftedColumns: z.number().int(),
  share: z.number(),
  shareThreshold: z.number(),
  datasetDrift: z.boolean(),
  maxPsi: z.number().nullable(),
  status: statusEnum,
  /** columns left out because they grow with the calendar (drift-frames.ts CALENDAR_COLUMNS) */
  skipped: z.array(z.string()),
  /** the drifted columns, most drifted first (names only) */
  drifted: z.array(z.string()),
  /** columns whose PSI is at or above the FAIL level */
  psiFailed: z.array(z.string()),
  durationMs: z.number(),
});

export type DriftSummary = z.infer<typeof compareOutput>;

/** Orders results for people: drifted first, then by PSI (largest shift first), then by name. */
function mostDriftedFirst(a: ColumnDriftResult, b: ColumnDriftResult): number {
  return Number(b.drifted) - Number(a.drifted) || (b.psi ?? -1) - (a.psi ?? -1) || (a.column < b.column ? -1 : 1);
}

export function driftSteps(datasetOf: (params: DriftParams) => Promise<string>) {
  const compare = defineStep({
    id: "compare",
    title: "Compare the scored rows with the training rows",
    output: compareOutput,
    async run(ctx: StepContext<DriftParams>) {
      const t0 = performance.now();
      const dataset = await datasetOf(ctx.params);
      const scored = await scoringRunFor(dataset, ctx.params.scoringRunId);
      ctx.progress(0.1, `reading the training rows of ${scored.model} v${scored.version}`);
      const m = await scoringModel(scored.model, scored.version);
      const skipped = CALENDAR_COLUMNS[dataset] ?? [];
      const names = (m.artifact.preprocessing as PreprocessorJson).steps.map((s) => s.name).filter((n) => !skipped.includes(n));
      const ref = await referenceFrame(scored.model, scored.version, getEnv().CHURNOPS_DRIFT_REFERENCE_DAYS);
      ctx.progress(0.4, `reading the ${scored.rows} scored rows`);
      const cur = await currentFrame(scored.frame);
      ctx.progress(0.6, `testing ${names.length} columns`);
      const refCols = driftColumns(ref, names);
      const curCols = driftColumns(cur, names);
      const results = refCols.map((r, i) => columnDrift(r, curCols[i]!)).sort(mostDriftedFirst);
      const shareThreshold = ctx.params.shareThreshold ?? getEnv().CHURNOPS_DRIFT_SHARE;
      const d = datasetDrift(results, { shareThreshold });
      await withTransaction(async (client) => {
        await client.query("DELETE FROM monitoring.drift_runs WHERE run_id = $1", [ctx.runId]);
        await client.query(
          `INSERT INTO monitoring.drift_runs (run_id, dataset, model, version, scoring_run_id, reference_rows, current_rows, columns, drifted_columns,
                                              drifted_share, share_threshold, dataset_drift, max_psi, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [ctx.runId, dataset, scored.model, scored.version, scored.runId, ref.rows, cur.rows, results.length, d.driftedColumns, d.share, shareThreshold,
           d.datasetDrift, d.maxPsi, d.status],
        );
        await insertDriftColumns(client, ctx.runId, results);
      });
      return {
        dataset, scoringRunId: scored.runId, model: scored.model, version: scored.version, referenceRows: ref.rows, currentRows: cur.rows,
        columns: results.length, driftedColumns: d.driftedColumns, share: d.share, shareThreshold, datasetDrift: d.datasetDrift, maxPsi: d.maxPsi,
        status: d.status, skipped: [...skipped], psiFailed: results.filter((r) => r.psiStatus === "fail").map((r) => r.column), drifted: results.filter((r) => r.drifted).map((r) => r.column), durationMs: performance.now() - t0,
      };
    },
  });

  const report = defineStep({
    id: "report",
    title: "Drift report",
    output: z.object({ reportKey: z.string(), event: z.boolean() }),
    async run(ctx: StepContext<DriftParams>) {
      const s = ctx.output(compare);
      const createdAt = new Date().toISOString();
      const columns = await readDriftColumns(ctx.runId);
      const html = renderDriftReport({
        title: `Drift report: ${s.dataset}`,
        dataset: s.dataset,
        runId: ctx.runId,
        createdAt,
        model: { name: s.model, version: s.version },
        referenceLabel: `training rows of ${s.model} v${s.version}`,
        currentLabel: `rows scored by run ${s.scoringRunId}`,
        referenceRows: s.referenceRows,
        currentRows: s.currentRows,
        shareThreshold: s.shareThreshold,
        share: s.share,
        datasetDrift: s.datasetDrift,
        status: s.status,
        columns,
      });
      const key = assertValidArtifactKey(`reports/drift/${s.dataset.replace(/[^a-z0-9_-]+/gi, "-")}/${createdAt.slice(0, 10)}/${ctx.runId}.html`);
      const stored = await putArtifact(key, html, { kind: "report", contentType: "text/html", runId: ctx.runId });
      // The event and the report key land together: a retry finds both or neither.
      await withTransaction(async (client) => {
        await client.query("UPDATE monitoring.drift_runs SET report_key = $2 WHERE run_id = $1", [ctx.runId, stored.key]);
        if (s.status !== "pass") {
          await ctx.emit({ name: "churnops/drift.detected", data: { runId: ctx.runId, dataset: s.dataset, driftedShare: s.share, status: s.status } }, client);
        }
      });
      return { reportKey: stored.key, event: s.status !== "pass" };
    },
  });

  const verdict = defineStep({
    id: "verdict",
    title: "Verdict",
    output: compareOutput.extend({ reportKey: z.string() }),
    async run(ctx: StepContext<DriftParams>) {
      const s = { ...ctx.output(compare), reportKey: ctx.output(report).reportKey };
      if (s.status === "fail") {
        const why = s.datasetDrift
          ? `${s.driftedColumns} of ${s.columns} columns drifted (${(s.share * 100).toFixed(0)}% ≥ ${(s.shareThreshold * 100).toFixed(0)}%)`
          : `PSI ≥ ${DRIFT_DEFAULTS.psiFail} on ${s.psiFailed.slice(0, 5).join(", ")}${s.psiFailed.length > 5 ? ` and ${s.psiFailed.length - 5} more` : ""} (max ${s.maxPsi?.toFixed(3)})`;
        throw new DataGateError(
          `Drift FAIL on ${s.dataset}: ${why}. To fix: open the drift report (${s.reportKey}); if the shift is real, retrain the model on recent data.`,
          s,
        );
      }
      return s;
    },
  });

  return [compare, report, verdict] as const;
}
