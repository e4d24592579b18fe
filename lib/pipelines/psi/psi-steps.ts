import { z } from "zod";
import { withTransaction } from "../../db/sql.ts";
import { getEnv } from "../../env.ts";
import { psiColumnCheck, type PsiColumnCheck } from "../../monitoring/drift/index.ts";
import { renderDriftReport } from "../../monitoring/report/render-drift-report.ts";
import { loadScoringFrame, scoringFrameSchema } from "../../scoring/scoring-frame.ts";
import { assertValidArtifactKey } from "../../storage/artifact-key.ts";
import { putArtifact } from "../../storage/artifact-records.ts";
import { emptyAsUndefined } from "../train/training-snapshots.ts";
import { DataGateError } from "../pipeline-errors.ts";
import { defineStep, type StepContext } from "../pipeline-definition.ts";
import { driftColumns } from "../drift/drift-frames.ts";
import { insertDriftColumns, readDriftColumns } from "../drift/drift-queries.ts";
import { baselineOfRun, currentBaseline, freezeBaseline, psiColumnNames, readBaselineSample } from "./psi-baselines.ts";
import { psiDataset, type PsiSource } from "./psi-dataset.ts";

// The steps of every psi-check pipeline: baseline (find the frozen sample, or freeze one on the first run / on
// rebaseline), compare (PSI per numeric column into monitoring.drift_runs / drift_columns with check_kind
// 'psi-baseline'), report (the HTML file), verdict (a FAIL stops the run as a data gate: CLI exit 2).
// No churnops/drift.detected: its one consumer retrains the model, and retraining on data that failed a quality
// check is the wrong reaction; the gate (exit 2, failed run) is the signal.

export const psiParams = z.object({
  sourceRunId: z
    .preprocess(emptyAsUndefined, z.string().uuid("a load run id (a UUID)").optional())
    .describe("Load run whose rows are checked (default: the latest successful load)"),
  rebaseline: z
    .preprocess((v) => (v === "" ? undefined : v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean().optional())
    .describe("true: freeze a new baseline from the current rows before checking (default: keep the frozen one)"),
});
export type PsiParams = z.infer<typeof psiParams> & { dataset?: string };

const baselineOutput = z.object({
  dataset: z.string(),
  frame: scoringFrameSchema,
  source: z.string(),
  baselineRunId: z.string().uuid(),
  baselineKey: z.string(),
  baselineSha256: z.string(),
  baselineRows: z.number().int(),
  share: z.number(),
  /** this run froze the baseline (first run or rebaseline) */
  frozen: z.boolean(),
});

const compareOutput = z.object({
  dataset: z.string(),
  baselineRunId: z.string().uuid(),
  baselineRows: z.number().int(),
  currentRows: z.number().int(),
  threshold: z.number(),
  columns: z.number().int(),
  failedColumns: z.number().int(),
  /** largest PSI among the columns with a verdict (null when none has one) */
  maxPsi: z.number().nullable(),
  status: z.enum(["pass", "fail"]),
  /** columns that failed, largest PSI first, with their PSI */
  failed: z.array(z.object({ column: z.string(), psi: z.number() })),
  /** columns with too few values for a verdict (fewer than PSI_MIN_ROWS on a side) */
  notEnoughData: z.array(z.string()),
  /** columns not tested, with why (calendar column, no values, not in the baseline / current rows) */
  skipped: z.array(z.object({ column: z.string(), reason: z.string() })),
  durationMs: z.number(),
});

export type PsiSummary = z.infer<typeof compareOutput>;

/** Failed first, then by PSI (largest first), then by name. */
function worstFirst(a: PsiColumnCheck, b: PsiColumnCheck): number {
  return Number(b.status === "fail") - Number(a.status === "fail") || b.psi - a.psi || (a.column < b.column ? -1 : 1);
}

export function psiSteps(source: PsiSource) {
  const baseline = defineStep({
    id: "baseline",
    title: "Frozen baseline sample",
    output: baselineOutput,
    async run(ctx: StepContext<PsiParams>) {
      const d = await psiDataset(source, { slug: ctx.params.dataset, sourceRunId: ctx.params.sourceRunId, signal: ctx.signal, progress: ctx.progress });
      // A retry of this step finds the baseline it froze; otherwise the one in force, unless asked for a new one.
      let b = (await baselineOfRun(ctx.runId)) ?? (ctx.params.rebaseline ? null : await currentBaseline(d.dataset));
      let frozen = b?.runId === ctx.runId;
      if (!b) {
        ctx.progress(0.3, `freezing a baseline of ${d.dataset}`);
        const { raw } = await loadScoringFrame(d.frame);
        b = await freezeBaseline({ runId: ctx.runId, dataset: d.dataset, frame: raw, panel: d.frame.source !== "tabular", share: getEnv().BASELINE_SHARE, source: d.description });
        frozen = true;
      }
      return { dataset: d.dataset, frame: d.frame, source: d.description, baselineRunId: b.runId, baselineKey: b.artifactKey, baselineSha256: b.sha256, baselineRows: b.rows, share: b.share, frozen };
    },
  });

  const compare = defineStep({
    id: "compare",
    title: "PSI per column against the baseline",
    output: compareOutput,
    async run(ctx: StepContext<PsiParams>) {
      const t0 = performance.now();
      const s = ctx.output(baseline);
      const threshold = getEnv().PSI_THRESHOLD;
      const b = await readBaselineSample({ dataset: s.dataset, artifactKey: s.baselineKey, sha256: s.baselineSha256 });
      ctx.progress(0.3, `reading the current rows of ${s.dataset}`);
      const { raw } = await loadScoringFrame(s.frame);
      const { names, skipped: calendar } = psiColumnNames(raw, s.dataset);
      const skipped = calendar.map((column) => ({ column, reason: "grows with the calendar" }));
      const baseCols = new Map(b.columns.map((c) => [c.name, c.values]));
      const tested = names.filter((n) => baseCols.has(n));
      for (const n of names) if (!baseCols.has(n)) skipped.push({ column: n, reason: "not in the baseline" });
      for (const n of baseCols.keys()) if (!names.includes(n) && !calendar.includes(n)) skipped.push({ column: n, reason: "not in the current rows" });
      const current = driftColumns(raw, tested);
      const results: PsiColumnCheck[] = [];
      for (const c of current) {
        const ref = Float64Array.from(baseCols.get(c.name)!, (v) => (v === null ? Number.NaN : v));
        const r = psiColumnCheck(c.name, ref, c.values as Float64Array, threshold);
        if (r) results.push(r);
        else skipped.push({ column: c.name, reason: "no values on a side" });
      }
      results.sort(worstFirst);
      const failed = results.filter((r) => r.status === "fail");
      // The headline PSI is the largest among columns with a verdict: a sparse column's PSI is noise (0.33 measured on
      // unchanged e-learning data), and "largest PSI 0.33, passed" next to a 0.2 threshold would read as a bug.
      const maxPsi = results.reduce<number | null>((m, r) => (r.status !== null && (m === null || r.psi > m) ? r.psi : m), null);
      const status = failed.length > 0 ? ("fail" as const) : ("pass" as const);
      await withTransaction(async (client) => {
        await client.query("DELETE FROM monitoring.drift_runs WHERE run_id = $1", [ctx.runId]);
        // share_threshold = 1 / columns: one failing column is enough, said in drift_runs' terms.
        await client.query(
          `INSERT INTO monitoring.drift_runs (run_id, dataset, check_kind, baseline_run_id, psi_threshold, reference_rows, current_rows, columns, drifted_columns,
                                              drifted_share, share_threshold, dataset_drift, max_psi, status)
           VALUES ($1, $2, 'psi-baseline', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [ctx.runId, s.dataset, s.baselineRunId, threshold, b.rows, raw.rows, results.length, failed.length, results.length ? failed.length / results.length : 0,
           results.length ? 1 / results.length : 1, failed.length > 0, maxPsi, status],
        );
        await insertDriftColumns(
          client,
          ctx.runId,
          results.map((r) => ({
            column: r.column, kind: "numeric", test: "psi", statistic: r.psi, pValue: null, threshold, drifted: r.status === "fail", psi: r.psi,
            psiStatus: r.status, histogram: r.histogram,
          })),
        );
      });
      return {
        dataset: s.dataset, baselineRunId: s.baselineRunId, baselineRows: b.rows, currentRows: raw.rows, threshold, columns: results.length, failedColumns: failed.length,
        maxPsi, status, failed: failed.map((r) => ({ column: r.column, psi: r.psi })), notEnoughData: results.filter((r) => r.status === null).map((r) => r.column),
        skipped, durationMs: performance.now() - t0,
      };
    },
  });

  const report = defineStep({
    id: "report",
    title: "PSI report",
    output: z.object({ reportKey: z.string() }),
    async run(ctx: StepContext<PsiParams>) {
      const base = ctx.output(baseline);
      const s = ctx.output(compare);
      const createdAt = new Date().toISOString();
      const html = renderDriftReport({
        check: "psi-baseline",
        title: `PSI check: ${s.dataset}`,
        dataset: s.dataset,
        runId: ctx.runId,
        createdAt,
        model: null,
        referenceLabel: `baseline frozen by run ${s.baselineRunId} (${Math.round(base.share * 100)}% sample)`,
        currentLabel: `current rows: ${base.source}`,
        referenceRows: s.baselineRows,
        currentRows: s.currentRows,
        shareThreshold: s.columns ? 1 / s.columns : 1,
        share: s.columns ? s.failedColumns / s.columns : 0,
        datasetDrift: s.failedColumns > 0,
        status: s.status,
        columns: await readDriftColumns(ctx.runId),
      });
      const key = assertValidArtifactKey(`reports/psi/${s.dataset.replace(/[^a-z0-9_-]+/gi, "-")}/${createdAt.slice(0, 10)}/${ctx.runId}.html`);
      const stored = await putArtifact(key, html, { kind: "report", contentType: "text/html", runId: ctx.runId });
      await withTransaction((client) => client.query("UPDATE monitoring.drift_runs SET report_key = $2 WHERE run_id = $1", [ctx.runId, stored.key]));
      return { reportKey: stored.key };
    },
  });

  const verdict = defineStep({
    id: "verdict",
    title: "Verdict",
    output: compareOutput.extend({ reportKey: z.string(), baselineFrozen: z.boolean() }),
    async run(ctx: StepContext<PsiParams>) {
      const s = { ...ctx.output(compare), reportKey: ctx.output(report).reportKey, baselineFrozen: ctx.output(baseline).frozen };
      if (s.status === "fail") {
        const cols = s.failed.slice(0, 5).map((f) => `${f.column} ${f.psi.toFixed(3)}`).join(", ");
        throw new DataGateError(
          `PSI check FAIL on ${s.dataset}: PSI ≥ ${s.threshold} against the frozen baseline on ${cols}${s.failed.length > 5 ? ` and ${s.failed.length - 5} more` : ""}. To fix: open the report (${s.reportKey}) and look at the data source; if the change is expected, run the check with rebaseline=true to freeze a new baseline.`,
          s,
        );
      }
      return s;
    },
  });

  return [baseline, compare, report, verdict] as const;
}
