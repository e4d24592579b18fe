"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP } from "../components/chart-theme.ts";
import { AXIS_COLOR, GRID_COLOR, seriesColor } from "./chart-colors.ts";

export interface CurveSeries {
  name: string;
  points: readonly { x: number; y: number }[];
  /** a reference line (chance, perfect calibration): dashed, grey, no dots */
  reference?: boolean;
}

interface CurveChartProps {
  series: readonly CurveSeries[];
  xLabel: string;
  yLabel: string;
  /** axes in percent (0–100 %) instead of 0–1 */
  percent?: boolean;
  /** draw a dot at each point (sparse curves such as the 10 calibration bins) */
  dots?: boolean;
}

const fmt = (percent: boolean) => (v: number) => (percent ? `${Math.round(v * 100)}%` : Number(v.toFixed(2)).toString());

/**
 * Curves on a unit square (ROC, PR, calibration, gains): each series keeps its own points (different x grids),
 * overlaid for a version compare. Rendered inside a ChartCard, which gives it a name and a data table.
 */
export function CurveChart({ series, xLabel, yLabel, percent = false, dots = false }: CurveChartProps) {
  const format = fmt(percent);
  let colour = 0;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 12, bottom: 28, left: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" />
        <XAxis
          type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={format} stroke={AXIS_COLOR} fontSize={12}
          label={{ value: xLabel, position: "insideBottom", offset: -16, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <YAxis
          type="number" dataKey="y" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={format} stroke={AXIS_COLOR} fontSize={12} width={60}
          label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 8, style: { textAnchor: "middle" }, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <Tooltip
          formatter={(v) => format(Number(v))}
          labelFormatter={(x) => `${xLabel}: ${format(Number(x))}`}
          {...CHART_TOOLTIP}
        />
        {series.length > 1 && <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s) => (
          <Line
            key={s.name}
            data={s.points as { x: number; y: number }[]}
            dataKey="y"
            name={s.name}
            type="linear"
            stroke={s.reference ? AXIS_COLOR : seriesColor(colour++)}
            strokeDasharray={s.reference ? "4 4" : undefined}
            strokeWidth={s.reference ? 1 : 2}
            dot={dots && !s.reference ? { r: 3 } : false}
            activeDot={s.reference ? false : { r: 4 }}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
