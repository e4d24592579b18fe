"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

export interface StepDuration {
  title: string;
  seconds: number;
}

/** Horizontal bars of each step's duration in seconds (unfinished steps show 0); sits inside a ChartCard. */
export function StepDurationChart({ data }: { data: readonly StepDuration[] }) {
  return (
    <BarChart responsive layout="vertical" data={[...data]} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 24, bottom: 20, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" unit=" s" allowDecimals label={{ value: "Duration (seconds)", position: "insideBottom", offset: -12 }} />
      <YAxis type="category" dataKey="title" width={150} />
      <Tooltip formatter={(v) => [`${v} s`, "Duration"]} />
      <Bar dataKey="seconds" name="Duration" fill="var(--chart-1)" isAnimationActive={false} />
    </BarChart>
  );
}
