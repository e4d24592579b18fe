import { Badge } from "../components/badge.tsx";
import { ChartCard } from "../components/chart-card.tsx";
import { featureLabel } from "./feature-fields.ts";
import { WaterfallChart } from "./waterfall-chart.tsx";
import { waterfallSteps } from "./waterfall-data.ts";

export interface ResultView {
  probability: number;
  riskBand: "low" | "medium" | "high";
  expectedValue: number;
  contributions: { feature: string; value: number }[];
}

const BAND = { low: { variant: "success", text: "Low risk" }, medium: { variant: "warning", text: "Medium risk" }, high: { variant: "destructive", text: "High risk" } } as const;

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/**
 * The probability (announced politely when it changes), the risk band, and the waterfall of contributions with its
 * data table. `values` are the row's inputs, shown beside each feature in the table.
 */
export function PredictionResult({ result, values, source, thresholds, stale }: { result: ResultView; values: Record<string, string>; source: string; thresholds: { medium: number; high: number }; stale?: boolean }) {
  const steps = waterfallSteps(result.expectedValue, result.contributions, { top: 8, label: featureLabel });
  const band = BAND[result.riskBand];
  const biggest = result.contributions[0];
  const summary = `Waterfall of ${source}: from the average customer (${pct(steps[0]!.probability)}) to this customer (${pct(result.probability)}); the largest contribution is ${biggest ? `${featureLabel(biggest.feature)} (${biggest.value >= 0 ? "raises" : "lowers"} the log-odds by ${Math.abs(biggest.value).toFixed(2)})` : "none"}.`;
  return (
    <div className="flex min-w-0 flex-col gap-4" aria-busy={stale || undefined}>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-col gap-1">
          <span className="text-sm text-muted-foreground" id="churn-probability-label">
            Churn probability
          </span>
          <output aria-labelledby="churn-probability-label" aria-live="polite" className="text-3xl font-semibold tabular-nums leading-tight" data-testid="churn-probability">
            {pct(result.probability)}
          </output>
        </div>
        <Badge variant={band.variant} data-testid="risk-band">
          {band.text}
        </Badge>
      </div>
      <p className="m-0 text-xs text-muted-foreground">
        High risk from {pct(thresholds.high)} (CHURNOPS_HIGH_RISK_THRESHOLD), medium from {pct(thresholds.medium)}.
      </p>
      <ChartCard
        title="Why this score"
        description="Each bar is one feature's contribution (SHAP value, log-odds): red raises churn, green lowers it."
        label={summary}
        heightClass="h-80"
        data={{
          columns: ["Step", "Input", "Contribution (log-odds)", "Churn probability after"],
          rows: steps.map((s) => [s.label, s.feature ? values[s.feature] || "unknown" : "", s.kind === "feature" || s.kind === "rest" ? Number(s.value.toFixed(4)) : Number(s.to.toFixed(4)), pct(s.probability)]),
          numericColumns: [2, 3],
        }}
      >
        <WaterfallChart steps={steps} />
      </ChartCard>
    </div>
  );
}
