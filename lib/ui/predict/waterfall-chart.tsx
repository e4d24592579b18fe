"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP } from "../components/chart-theme.ts";
import { AXIS_COLOR, GRID_COLOR } from "../models/chart-colors.ts";
import type { WaterfallStep } from "./waterfall-data.ts";

// Raising churn is drawn in the destructive colour, lowering it in the success colour, and the start and end bars in
// the first chart colour; every bar is also labelled with its signed value, so colour is never the only signal.
const UP = "var(--destructive)";
const DOWN = "var(--success)";
const LEVEL = "var(--chart-1)";

const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
const signed = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)}`;

/** Horizontal floating bars, one per step (shap's waterfall plot), on the log-odds scale. */
export function WaterfallChart({ steps }: { steps: readonly WaterfallStep[] }) {
  const data = steps.map((s) => ({
    label: s.label,
    range: [Math.min(s.from, s.to), Math.max(s.from, s.to)] as [number, number],
    text: s.kind === "base" || s.kind === "total" ? `${(s.probability * 100).toFixed(1)}%` : signed(s.value),
    colour: s.kind === "base" || s.kind === "total" ? LEVEL : s.value >= 0 ? UP : DOWN,
    step: s,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 24, left: 4 }}>
        <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number" stroke={AXIS_COLOR} fontSize={12} domain={["auto", "auto"]} tickFormatter={(v: number) => Number(v.toFixed(1)).toString()}
          label={{ value: "log-odds of churn (0 = 50%)", position: "insideBottom", offset: -14, fill: AXIS_COLOR, fontSize: 12 }}
        />
        <YAxis type="category" dataKey="label" stroke={AXIS_COLOR} fontSize={11} width={128} tickFormatter={short} interval={0} />
        <ReferenceLine x={0} stroke={AXIS_COLOR} />
        <Tooltip
          formatter={(_v, _n, item) => {
            const s = (item.payload as { step: WaterfallStep }).step;
            return s.kind === "base" || s.kind === "total" ? [`${s.to.toFixed(3)} (${(s.probability * 100).toFixed(1)}%)`, "log-odds"] : [`${signed(s.value)} → ${(s.probability * 100).toFixed(1)}%`, "contribution"];
          }}
          {...CHART_TOOLTIP}
        />
        <Bar dataKey="range" isAnimationActive={false} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.colour} />
          ))}
          <LabelList dataKey="text" position="right" fill="var(--foreground)" fontSize={11} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
