// recharts styling from the design tokens. CSS variables work in SVG presentation attributes (fill, stroke) in
// every current browser, so charts follow the light/dark theme without JavaScript.

export const CHART_COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"] as const;

/** Axis tick text: the muted foreground, readable (AA) on the card background in both themes. */
export const CHART_AXIS = { fill: "var(--muted-foreground)", fontSize: 12 } as const;

export const CHART_GRID = "var(--border)";

/** Tooltip box in the popover colours (recharts defaults to white, unreadable in dark mode). */
export const CHART_TOOLTIP = {
  contentStyle: { background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 },
  labelStyle: { color: "var(--popover-foreground)", fontWeight: 600 },
  itemStyle: { color: "var(--popover-foreground)" },
  cursor: { stroke: "var(--border)", fill: "var(--muted)" },
} as const;
