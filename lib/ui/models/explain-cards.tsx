import type { ShapSample } from "../../ml/explain/sample-shap-rows.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { ImportanceChart } from "./importance-chart.tsx";
import { ShapSummaryChart } from "./shap-summary-chart.tsx";
import { shapSummaryPoints } from "./shap-summary-points.ts";
import { TrialsChart } from "./trials-chart.tsx";
import { trialSeries, type TrialInput } from "./trial-series.ts";

/** Importances shown as bars: past ~15 bars the labels no longer fit a phone. */
const TOP_BARS = 15;
const r4 = (x: number) => Number(x.toFixed(4));

export interface ImportanceInput {
  feature: string;
  meanAbsShap: number;
  rank: number;
}

/** Mean |SHAP| per feature: one version, or two side by side (bars per version). */
export function ImportanceCard({ versions }: { versions: readonly { label: string; importances: readonly ImportanceInput[] }[] }) {
  const features = [...new Set(versions.flatMap((v) => v.importances.map((i) => i.feature)))];
  const value = (v: (typeof versions)[number], f: string) => v.importances.find((i) => i.feature === f)?.meanAbsShap ?? null;
  const ordered = features.sort((a, b) => Math.max(...versions.map((v) => value(v, b) ?? 0)) - Math.max(...versions.map((v) => value(v, a) ?? 0))).slice(0, TOP_BARS);
  const series = versions.map((v, i) => ({ key: `v${i}`, name: v.label }));
  const rows = ordered.map((f) => Object.fromEntries([["feature", f], ...versions.map((v, i) => [`v${i}`, value(v, f)])]) as Record<string, string | number | null>);
  const names = versions.map((v) => v.label).join(" and ");
  const top = ordered.slice(0, 3).join(", ");
  return (
    <ChartCard
      title="Feature importance"
      description="Mean absolute SHAP value on the test set: how far each feature moves the churn log-odds, on average."
      label={`Feature importance of ${names}: mean absolute SHAP per feature; most important ${top || "none"}`}
      data={{ columns: ["Feature", ...versions.map((v) => `${v.label} mean |SHAP|`)], rows: features.map((f) => [f, ...versions.map((v) => { const x = value(v, f); return x === null ? "—" : r4(x); })]) }}
      heightClass={ordered.length > 8 ? "h-96" : "h-72"}
    >
      {ordered.length ? <ImportanceChart rows={rows} series={series} /> : <p className="m-0 text-sm text-muted-foreground">No importances were stored with this version.</p>}
    </ChartCard>
  );
}

export function ShapSummaryCard({ sample, importanceOrder }: { sample: ShapSample | null; importanceOrder: readonly string[] }) {
  const summary = sample ? shapSummaryPoints(sample, importanceOrder) : null;
  return (
    <ChartCard
      title="SHAP summary"
      description="Each dot is one test customer: how much a feature pushed their churn log-odds up (right) or down (left), coloured by the feature's value."
      label={`SHAP summary plot: SHAP value per customer for the ${summary?.features.length ?? 0} most important features, coloured by feature value`}
      data={{
        columns: ["Feature", "Customers sampled", "Mean |SHAP|", "Lowest SHAP", "Highest SHAP"],
        rows: (summary?.stats ?? []).map((s) => [s.feature, s.points, r4(s.meanAbs), r4(s.min), r4(s.max)]),
      }}
      heightClass={summary && summary.features.length > 8 ? "h-[28rem]" : "h-80"}
    >
      {summary && summary.points.length ? (
        <ShapSummaryChart points={summary.points} features={summary.features} />
      ) : (
        <p className="m-0 text-sm text-muted-foreground">This version has no SHAP sample in the expected format; retrain it to get one.</p>
      )}
    </ChartCard>
  );
}

export function TrialsCard({ trials, metric }: { trials: readonly (TrialInput & { metric: string })[]; metric: string }) {
  const { series, skipped } = trialSeries(trials);
  const shownMetric = trials[0]?.metric ?? metric;
  const best = trials.filter((t) => t.validationScore !== null).sort((a, b) => b.validationScore! - a.validationScore!)[0];
  return (
    <ChartCard
      title="Hyper-parameter search"
      description={`Validation ${shownMetric} of each trial against the regularisation strength C, one line per elastic-net mix (l1_ratio: 0 = ridge, 1 = lasso).${skipped ? ` ${skipped} trial(s) without a C or a score are not drawn.` : ""}`}
      label={`Search trials: validation ${shownMetric} against regularisation C on a log scale, ${series.length} series by l1_ratio${best ? `; best ${best.validationScore!.toFixed(4)}` : ""}`}
      data={{
        columns: ["Trial", "Family", "C", "l1_ratio", `Validation ${shownMetric}`],
        rows: trials.map((t) => [t.index, t.family, typeof t.params.C === "number" ? Number(t.params.C.toPrecision(4)) : "—", typeof t.params.l1_ratio === "number" ? t.params.l1_ratio : "—", t.validationScore === null ? "—" : r4(t.validationScore)]),
        numericColumns: [0, 2, 3, 4],
      }}
      heightClass="h-72"
    >
      {series.length ? <TrialsChart series={series} metric={shownMetric} /> : <p className="m-0 text-sm text-muted-foreground">No search trials were recorded for this version's training run.</p>}
    </ChartCard>
  );
}
