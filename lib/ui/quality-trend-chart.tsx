"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { timeDomain, timeXAxisProps, formatTooltipTime } from "./components/chart-time.ts";
import { CHART_AXIS, CHART_COLORS, CHART_GRID, CHART_TOOLTIP } from "./components/chart-theme.ts";
import { formatPercent } from "./dq-format.ts";
import type { TrendSeries } from "./quality-trend-data.ts";

/**
 * Worst unexpected percent per validation over time, one line per suite, on a real time axis (gaps between
 * validations are to scale). Framed by a ChartCard, which gives it its accessible name and data table.
 */
export function QualityTrendChart({ series }: { series: TrendSeries }) {
  const domain = timeDomain(series.rows.map((r) => r.t));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={series.rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} />
        <XAxis {...timeXAxisProps(domain, "Evaluated at (UTC)")} />
        <YAxis unit="%" allowDecimals width={64} tick={CHART_AXIS} label={{ value: "Worst unexpected %", angle: -90, position: "insideLeft", fill: CHART_AXIS.fill, fontSize: 12, style: { textAnchor: "middle" } }} />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={(t) => formatTooltipTime(Number(t))} formatter={(v) => formatPercent(Number(v))} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
        {series.suites.map((s, i) => (
          <Line key={s} type="linear" dataKey={`s${i}`} name={s} stroke={CHART_COLORS[i % CHART_COLORS.length]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
