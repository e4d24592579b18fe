import { GaugeIcon, TagsIcon } from "lucide-react";
import type { PerformanceRunView } from "../../monitoring-pages/performance-runs.ts";
import type { SegmentMetricView } from "../../monitoring-pages/segment-metric-view.ts";
import type { RealisedRunView } from "../../monitoring-pages/segment-metrics.ts";
import { pipelineCommand } from "../../predictions/dataset-label.ts";
import { EmptyState } from "../components/empty-state.tsx";
import { formatCount, formatDateTime } from "../format.ts";
import { PerformanceCard } from "./performance-card.tsx";
import { calibrationName, formatEstimate, formatMetric, labelTiming, performanceDescription, performancePoints } from "./performance-format.ts";
import { SegmentPerformanceCard } from "./segment-performance-card.tsx";

interface PerformanceSectionProps {
  dataset: string;
  datasetTitle: string;
  /** the dataset's scoring runs, newest first, with estimate and realised overall metrics */
  runs: readonly PerformanceRunView[];
  /** the newest run with realised metrics and its rows (overall first), or null before any label */
  realised: { run: RealisedRunView; rows: readonly SegmentMetricView[] } | null;
  segment?: string;
  column?: string;
  prAucThreshold: number;
  minSegmentRows: number;
}

/**
 * Estimated vs realised performance over a dataset's scoring runs, then realised performance by segment, each with
 * an empty state that says when it will appear. Needs at least one scoring run (the page says "not scored" before).
 */
export function PerformanceSection({ dataset, datasetTitle, runs, realised, segment, column, prAucThreshold, minSegmentRows }: PerformanceSectionProps) {
  const latestEstimate = runs.find((r) => r.estimate)?.estimate ?? null;
  const realisedRuns = runs.filter((r) => r.realised).length;
  const bandLevel = `${Math.round((latestEstimate?.level ?? 0.95) * 100)}%`;
  const realisedText = (r: PerformanceRunView, value: number | null | undefined) =>
    !r.realised ? "no labels yet" : value !== null && value !== undefined ? formatMetric(value) : r.realised.rows < minSegmentRows ? "too few rows" : "one class only";

  return (
    <>
      {!latestEstimate && realisedRuns === 0 ? (
        <EmptyState icon={GaugeIcon} title={`No performance estimate for ${datasetTitle} yet`}>
          Each scoring run estimates its ROC-AUC and precision@K before labels exist (CBPE on the champion&rsquo;s calibrated probabilities) and stores the estimate with the
          run. The runs here were scored before estimates existed, or scored no rows: run <code>{pipelineCommand("score", dataset)}</code> to get one. Realised values
          follow once labels arrive, {labelTiming(dataset)}.
        </EmptyState>
      ) : (
        <PerformanceCard
          datasetTitle={datasetTitle}
          description={performanceDescription({ dataset, calibration: latestEstimate?.calibration ?? null, level: latestEstimate?.level ?? null, anyEstimate: Boolean(latestEstimate), anyRealised: realisedRuns > 0 })}
          points={performancePoints(runs)}
          k={latestEstimate?.precisionAtK?.k ?? null}
          bandLevel={bandLevel}
          realisedRuns={realisedRuns}
          data={{
            columns: ["Scored at (UTC)", "Model", "Calibration", `ROC-AUC estimated (${bandLevel} band)`, "ROC-AUC realised", `Precision@K estimated (${bandLevel} band)`, "Precision@K realised", "Labelled rows"],
            rows: [...runs].reverse().map((r) => [
              formatDateTime(r.createdAt),
              `${r.model} v${r.version}`,
              r.estimate ? calibrationName(r.estimate.calibration) : "no estimate",
              r.estimate ? (r.estimate.rocAuc ? formatEstimate(r.estimate.rocAuc) : "one class expected") : "—",
              realisedText(r, r.realised?.rocAuc),
              r.estimate?.precisionAtK ? `${formatEstimate(r.estimate.precisionAtK)}, K=${r.estimate.precisionAtK.k}` : "—",
              r.realised?.precisionAtK != null ? `${formatMetric(r.realised.precisionAtK)}, K=${r.realised.k}` : realisedText(r, null),
              r.realised ? formatCount(r.realised.rows) : "—",
            ]),
            numericColumns: [3, 4, 5, 6, 7],
          }}
        />
      )}

      {realised ? (
        <SegmentPerformanceCard dataset={dataset} run={realised.run} rows={realised.rows} segment={segment} column={column} prAucThreshold={prAucThreshold} minSegmentRows={minSegmentRows} />
      ) : (
        <EmptyState icon={TagsIcon} title={`No realised performance for ${datasetTitle} yet`}>
          ROC-AUC, PR-AUC, precision@K and calibration error, overall and per segment (each categorical feature&rsquo;s values), appear here once labels for a scored
          cohort exist: {labelTiming(dataset)}. The scoring run that loads them computes them, for itself and for earlier runs whose outcome it holds.
        </EmptyState>
      )}
    </>
  );
}
