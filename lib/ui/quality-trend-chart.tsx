"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "./dq-format.ts";
import { formatDateTime } from "./format.ts";

export interface TrendPoint {
  evaluatedAt: string;
  suite: string;
  maxUnexpectedPercent: number;
  status: string;
}

const COLORS = ["#2563eb", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

const DAY_MS = 86_400_000;

/** Axis ticks in UTC, short: "01-02 10:00" over days, "10:00:05" within a day. */
const tickFormat = (spanMs: number) => (t: number) => {
  const iso = new Date(t).toISOString();
  return spanMs > DAY_MS ? iso.slice(5, 16).replace("T", " ") : iso.slice(11, 19);
};

/**
 * Worst unexpected percent per validation over time, one line per suite. Points are keyed by position
 * (s0, s1, …): suite names contain dots, which recharts would read as nested paths.
 */
export function QualityTrendChart({ points }: { points: readonly TrendPoint[] }) {
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
  const data = [...byTime.values()].sort((a, b) => a.t - b.t);
  const span = data.length ? data[data.length - 1].t - data[0].t : 0;
  return (
    <figure className="chart" aria-label="Unexpected percent trend">
      {data.length === 0 ? (
        <p className="muted">No validation runs yet.</p>
      ) : (
        <LineChart responsive data={data} style={{ width: "100%", maxWidth: 900, height: 280 }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tickFormat(span)} minTickGap={24} />
          <YAxis unit="%" allowDecimals width={56} />
          <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)).toISOString())} formatter={(v) => formatPercent(Number(v))} />
          <Legend />
          {suites.map((s, i) => (
            <Line key={s} type="linear" dataKey={keyOf.get(s)} name={s} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      )}
      <figcaption className="muted">Worst unexpected percent of each validation, by suite (latest 50 validations)</figcaption>
    </figure>
  );
}
