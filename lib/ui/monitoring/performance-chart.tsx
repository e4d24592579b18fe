"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_AXIS, CHART_COLORS, CHART_GRID, CHART_TOOLTIP } from "../components/chart-theme.ts";
import { formatTooltipTime, timeDomain, timeTickFormatter } from "../components/chart-time.ts";
import { metricDomain, type PerformancePoint } from "./performance-format.ts";

const ESTIMATE = CHART_COLORS[0];
const REALISED = CHART_COLORS[1];

const tooltipValue = (v: unknown) => (Array.isArray(v) ? `${Number(v[0]).toFixed(3)}–${Number(v[1]).toFixed(3)}` : Number(v).toFixed(3));

/**
 * One metric over scoring runs on a real time axis: the CBPE estimate as a line, its band as a shaded range (recharts
 * Area over [lower, upper]) and the realised value as dots where labels exist. Gaps stay gaps: a run without an
 * estimate breaks the line rather than drawing one it never made. Framed by a ChartCard (name and data table).
 */
export function PerformanceChart({ points, metric, bandLevel }: { points: readonly PerformancePoint[]; metric: string; bandLevel: string }) {
  const domain = timeDomain(points.map((p) => p.t));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={[...points]} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          tickFormatter={timeTickFormatter(domain)}
          minTickGap={32}
          tick={CHART_AXIS}
          label={{ value: "Scored at (UTC)", position: "insideBottom", offset: -16, fill: CHART_AXIS.fill, fontSize: 12 }}
        />
        <YAxis domain={metricDomain(points)} width={44} tick={CHART_AXIS} tickFormatter={(v: number) => v.toFixed(1)} />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={(t) => formatTooltipTime(Number(t))} formatter={(v) => tooltipValue(v)} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
        <Area type="linear" dataKey="band" name={`${bandLevel} band`} stroke="none" fill={ESTIMATE} fillOpacity={0.18} legendType="square" connectNulls={false} isAnimationActive={false} />
        <Line type="linear" dataKey="estimate" name={`${metric} estimated`} stroke={ESTIMATE} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Line
          type="linear"
          dataKey="realised"
          name={`${metric} realised`}
          // dots only: each realised value belongs to its run; a line between them would invent values in between
          stroke={REALISED}
          strokeWidth={0}
          dot={{ r: 5, fill: REALISED, stroke: "var(--card)", strokeWidth: 1.5 }}
          activeDot={{ r: 6 }}
          legendType="circle"
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
