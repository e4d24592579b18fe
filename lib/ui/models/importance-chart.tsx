"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP } from "../components/chart-theme.ts";
import { AXIS_COLOR, GRID_COLOR, seriesColor } from "./chart-colors.ts";

const shortName = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);

/** Mean |SHAP| per feature as horizontal bars, most important on top (one bar series per compared version). */
export function ImportanceChart({ rows, series }: { rows: readonly Record<string, string | number | null>[]; series: readonly { key: string; name: string }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows as Record<string, string | number | null>[]} layout="vertical" margin={{ top: 4, right: 12, bottom: 24, left: 4 }}>
        <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number" stroke={AXIS_COLOR} fontSize={12} tickFormatter={(v: number) => Number(v.toFixed(3)).toString()}
          label={{ value: "mean |SHAP| (log-odds)", position: "insideBottom", offset: -14, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <YAxis type="category" dataKey="feature" stroke={AXIS_COLOR} fontSize={11} width={110} tickFormatter={shortName} interval={0} />
        <Tooltip
          formatter={(v) => (typeof v === "number" ? v.toFixed(4) : String(v))}
          {...CHART_TOOLTIP}
        />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={seriesColor(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
