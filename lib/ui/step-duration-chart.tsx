"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { StepView } from "../pipelines/run-queries.ts";

/** Horizontal bars of each step's duration in seconds (unfinished steps show 0). */
export function StepDurationChart({ steps }: { steps: readonly StepView[] }) {
  const data = steps.map((s) => ({ title: s.title, seconds: s.durationMs === null ? 0 : Math.round(s.durationMs / 100) / 10 }));
  const height = 60 + data.length * 44;
  return (
    <figure className="chart" aria-label="Step durations">
      <BarChart responsive layout="vertical" data={data} style={{ width: "100%", maxWidth: 720, height }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit=" s" allowDecimals />
        <YAxis type="category" dataKey="title" width={160} />
        <Tooltip formatter={(v) => [`${v} s`, "duration"]} />
        <Bar dataKey="seconds" name="duration" fill="#2563eb" isAnimationActive={false} />
      </BarChart>
      <figcaption className="muted">Step durations (seconds)</figcaption>
    </figure>
  );
}
