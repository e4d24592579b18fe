"use client";

import { useState } from "react";
import { Button } from "../components/button.tsx";
import { ChartCard, type ChartData } from "../components/chart-card.tsx";
import { PerformanceChart } from "./performance-chart.tsx";
import type { PerformancePoint } from "./performance-format.ts";

type Metric = "rocAuc" | "precisionAtK";

interface PerformanceCardProps {
  datasetTitle: string;
  description: string;
  points: Record<Metric, PerformancePoint[]>;
  /** both metrics per run, behind "Show data" */
  data: ChartData;
  /** K of the latest estimate (the top-K list's size), for the precision@K name */
  k: number | null;
  /** "95%" */
  bandLevel: string;
  realisedRuns: number;
}

/**
 * Estimated vs realised performance of a dataset's scoring runs, one metric at a time (ROC-AUC or precision@K, a
 * toggle), so the chart stays legible on a phone; the data table holds both. A client component only for the toggle:
 * the points and texts come ready from the server page.
 */
export function PerformanceCard({ datasetTitle, description, points, data, k, bandLevel, realisedRuns }: PerformanceCardProps) {
  const [metric, setMetric] = useState<Metric>("rocAuc");
  const names: Record<Metric, string> = { rocAuc: "ROC-AUC", precisionAtK: k ? `precision@${k}` : "precision@K" };
  const runs = points[metric].length;
  const label =
    `Line chart of the estimated ${names[metric]} of ${datasetTitle} with its ${bandLevel} band, and the realised ${names[metric]} as dots, ` +
    `for ${runs} scoring run${runs === 1 ? "" : "s"} (${realisedRuns} with labels)`;
  return (
    <ChartCard
      title="Estimated vs realised performance"
      description={description}
      label={label}
      data={data}
      actions={
        <div role="group" aria-label="Metric" className="flex gap-1">
          {(["rocAuc", "precisionAtK"] as const).map((m) => (
            <Button key={m} type="button" size="sm" variant={metric === m ? "secondary" : "outline"} aria-pressed={metric === m} onClick={() => setMetric(m)}>
              {m === "rocAuc" ? "ROC-AUC" : "Precision@K"}
            </Button>
          ))}
        </div>
      }
    >
      <PerformanceChart points={points[metric]} metric={metric === "rocAuc" ? "ROC-AUC" : "Precision@K"} bandLevel={bandLevel} />
    </ChartCard>
  );
}
