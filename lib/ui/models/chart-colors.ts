// Series colours from the design tokens (app/globals.css), so charts follow the light/dark theme.
export const SERIES_COLORS = ["var(--chart-1)", "var(--chart-3)", "var(--chart-2)", "var(--chart-5)", "var(--chart-4)"] as const;

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];

/** Axis and grid colours that read in both themes. */
export const AXIS_COLOR = "var(--muted-foreground)";
export const GRID_COLOR = "var(--border)";
