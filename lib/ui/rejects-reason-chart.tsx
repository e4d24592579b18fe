"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "./format.ts";

/** Horizontal bars: how many rejected rows (matching the filters) each reason code has. */
export function RejectsReasonChart({ counts }: { counts: readonly { reasonCode: string; count: number }[] }) {
  const data = counts.map((c) => ({ reasonCode: c.reasonCode, count: c.count }));
  const height = 60 + data.length * 40;
  return (
    <figure className="chart" aria-label="Rejected rows by reason code">
      {data.length === 0 ? (
        <p className="muted">No rejected rows match these filters.</p>
      ) : (
        <BarChart responsive layout="vertical" data={data} style={{ width: "100%", maxWidth: 720, height }} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="reasonCode" width={220} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), "rows"]} />
          <Bar dataKey="count" name="rows" fill="#b42318" isAnimationActive={false} />
        </BarChart>
      )}
      <figcaption className="muted">Rejected rows by reason code</figcaption>
    </figure>
  );
}
