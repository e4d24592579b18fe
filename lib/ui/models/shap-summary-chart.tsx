"use client";

import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_COLOR, GRID_COLOR } from "./chart-colors.ts";
import type { ShapPoint } from "./shap-summary-points.ts";

// Low → high feature value, blue → red (shap's own convention); categories and missing values grey. Fixed colours
// of mid lightness so the dots read on the light and the dark card alike.
const LOW = [37, 99, 235];
const HIGH = [220, 38, 38];
export const NEUTRAL_DOT = "#9ca3af";

export function levelColor(level: number | null): string {
  if (level === null) return NEUTRAL_DOT;
  const c = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * level));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

const shortName = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);

function PointTip({ active, payload, features }: { active?: boolean; payload?: readonly { payload?: ShapPoint }[]; features: readonly string[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-border bg-popover px-2 py-1 text-xs text-popover-foreground shadow">
      <div className="font-semibold">{features[Math.round(p.y)]}</div>
      <div>value: {p.value === null ? "missing" : String(p.value)}</div>
      <div>SHAP: {p.shap.toFixed(4)}</div>
    </div>
  );
}

/** The SHAP summary (beeswarm) as a scatter: one row per feature, dots coloured by the feature's value. */
export function ShapSummaryChart({ points, features }: { points: readonly ShapPoint[]; features: readonly string[] }) {
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="min-h-0 flex-1">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 4, right: 12, bottom: 24, left: 4 }}>
            <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" />
            <XAxis
              type="number" dataKey="shap" stroke={AXIS_COLOR} fontSize={12} tickFormatter={(v: number) => Number(v.toFixed(2)).toString()}
              label={{ value: "SHAP value (log-odds impact on churn)", position: "insideBottom", offset: -14, fill: AXIS_COLOR, fontSize: 12 }}
            />
            <YAxis
              type="number" dataKey="y" reversed domain={[-0.5, features.length - 0.5]} ticks={features.map((_, i) => i)} interval={0}
              tickFormatter={(i: number) => shortName(features[i] ?? "")} stroke={AXIS_COLOR} fontSize={11} width={110}
            />
            <ReferenceLine x={0} stroke={AXIS_COLOR} />
            <Tooltip content={<PointTip features={features} />} cursor={false} />
            <Scatter
              data={points as ShapPoint[]}
              isAnimationActive={false}
              shape={(props: { cx?: number; cy?: number; payload?: ShapPoint }) => (
                <circle cx={props.cx} cy={props.cy} r={2.5} fill={levelColor(props.payload?.level ?? null)} fillOpacity={0.8} />
              )}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
        <span className="inline-flex items-center gap-1">
          feature value: low
          <span className="inline-block h-2 w-16 rounded-sm" style={{ background: `linear-gradient(to right, ${levelColor(0)}, ${levelColor(1)})` }} />
          high
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-2 rounded-full" style={{ background: NEUTRAL_DOT }} /> category or missing
        </span>
      </div>
    </div>
  );
}
