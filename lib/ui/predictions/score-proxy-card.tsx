import type { ScoringRunView } from "../../predictions/scoring-runs.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { formatShare } from "../dq-format.ts";
import { formatDateTime } from "../format.ts";
import { ScoreProxyChart, type ScoreProxyPoint } from "./score-proxy-chart.tsx";

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100);
const score = (x: number | null) => (x === null ? "—" : x.toFixed(3));

/** The score-proxy trend of a dataset's scoring runs (given newest first), shared by /predictions and /monitoring. */
export function ScoreProxyCard({ runs, datasetTitle }: { runs: readonly ScoringRunView[]; datasetTitle: string }) {
  const oldestFirst = [...runs].reverse();
  const points: ScoreProxyPoint[] = oldestFirst.map((r) => ({ t: Date.parse(r.createdAt), mean: pct(r.mean), p50: pct(r.p50), p90: pct(r.p90), p99: pct(r.p99), highRisk: pct(r.highRiskRate) }));
  const threshold = runs[0]?.highRiskThreshold;
  return (
    <ChartCard
      title="Score proxy"
      description={`How the churn probabilities of each scoring run are spread (mean, p50, p90, p99) and the share at or above the high-risk threshold${threshold === undefined ? "" : ` (${threshold})`}: a shift here, before any label arrives, is the first sign the model or the customers changed.`}
      label={`Line chart of the score proxy of ${datasetTitle} over time: mean, p50, p90 and p99 churn probability and high-risk rate, in percent, for ${runs.length} scoring run${runs.length === 1 ? "" : "s"}`}
      data={{
        columns: ["Scored at (UTC)", "Model", "Mean", "p50", "p90", "p99", "High-risk rate"],
        rows: oldestFirst.map((r) => [formatDateTime(r.createdAt), `${r.model} v${r.version}`, score(r.mean), score(r.p50), score(r.p90), score(r.p99), formatShare(r.highRiskRate)]),
        numericColumns: [2, 3, 4, 5, 6],
      }}
    >
      <ScoreProxyChart points={points} />
    </ChartCard>
  );
}
