"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP } from "../components/chart-theme.ts";
import { AXIS_COLOR, GRID_COLOR, seriesColor } from "./chart-colors.ts";
import type { TrialSeries } from "./trial-series.ts";

const cText = (c: number) => (c >= 1000 || c < 0.001 ? c.toExponential(0) : Number(c.toPrecision(2)).toString());

/** Validation score against the regularisation strength C (log axis), one line per elastic-net mix. */
export function TrialsChart({ series, metric }: { series: readonly TrialSeries[]; metric: string }) {
  const all = series.flatMap((s) => s.points);
  const cs = all.map((p) => p.C);
  const lo = Math.floor(Math.log10(Math.min(...cs)));
  const hi = Math.ceil(Math.log10(Math.max(...cs)));
  const ticks = Array.from({ length: Math.max(1, hi - lo + 1) }, (_, i) => 10 ** (lo + i));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 12, bottom: 28, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" />
        <XAxis
          type="number" dataKey="C" scale="log" domain={[10 ** lo, 10 ** hi]} ticks={ticks} tickFormatter={cText} allowDataOverflow stroke={AXIS_COLOR} fontSize={12}
          label={{ value: "regularisation C (log scale; larger = weaker penalty)", position: "insideBottom", offset: -16, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <YAxis
          type="number" dataKey="score" domain={["auto", "auto"]} stroke={AXIS_COLOR} fontSize={12} width={68} tickFormatter={(v: number) => v.toFixed(3)}
          label={{ value: `validation ${metric}`, angle: -90, position: "insideLeft", offset: 8, style: { textAnchor: "middle" }, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <Tooltip
          formatter={(v) => Number(v).toFixed(4)}
          labelFormatter={(c) => `C = ${cText(Number(c))}`}
          {...CHART_TOOLTIP}
        />
        <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Line key={s.name} data={s.points as TrialSeries["points"]} dataKey="score" name={s.name} stroke={seriesColor(i)} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
