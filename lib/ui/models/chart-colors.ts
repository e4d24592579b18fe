import { CHART_COLORS, CHART_GRID } from "../components/chart-theme.ts";

// Series colours from the design tokens (lib/ui/components/chart-theme.ts), so charts follow the light/dark theme.
// Blue then amber: the two series of a version compare stay apart for the common red–green colour blindness.
const ORDER = [0, 2, 1, 4, 3];
export const seriesColor = (i: number) => CHART_COLORS[ORDER[i % ORDER.length]];

/** Axis and grid colours that read in both themes. */
export const AXIS_COLOR = "var(--muted-foreground)";
export const GRID_COLOR = CHART_GRID;
