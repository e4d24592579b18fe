import type { ChartData } from "./components/chart-card.tsx";
import { formatPercent } from "./dq-format.ts";
import { formatDateTime } from "./format.ts";

export interface TrendPoint {
  evaluatedAt: string;
  suite: string;
  maxUnexpectedPercent: number;
  status: string;
}

export interface TrendSeries {
  /** Suites in a stable order; series keys are s0, s1, … (suite names contain dots, which recharts reads as paths). */
  suites: string[];
  /** One row per evaluation time: t (epoch ms) and the worst unexpected % of each suite evaluated then. */
  rows: Record<string, number>[];
}

/** Chart rows of the quality trend, oldest first; points with an unreadable time are left out. */
export function trendSeries(points: readonly TrendPoint[]): TrendSeries {
  const suites = [...new Set(points.map((p) => p.suite))].sort();
  const keyOf = new Map(suites.map((s, i) => [s, `s${i}`]));
  const byTime = new Map<number, Record<string, number>>();
  for (const p of points) {
    const t = Date.parse(p.evaluatedAt);
    if (!Number.isFinite(t)) continue;
    const row = byTime.get(t) ?? { t };
    row[keyOf.get(p.suite)!] = p.maxUnexpectedPercent;
    byTime.set(t, row);
  }
  return { suites, rows: [...byTime.values()].sort((a, b) => a.t - b.t) };
}

/** The same points as a table (the chart's "Show data" fallback), newest first like the list below it. */
export function trendTable(points: readonly TrendPoint[]): ChartData {
  return {
    columns: ["Evaluated at", "Suite", "Status", "Worst unexpected %"],
    rows: [...points].reverse().map((p) => [formatDateTime(p.evaluatedAt), p.suite, p.status, formatPercent(p.maxUnexpectedPercent)]),
    numericColumns: [3],
  };
}
