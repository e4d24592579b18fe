import { CHART_AXIS } from "./chart-theme.ts";
// Time axes for recharts: x values are epoch milliseconds on a numeric, time-scaled axis (XAxis type="number"
// scale="time"), so gaps between points are proportional to the time between them, unlike a category axis.

const DAY_MS = 86_400_000;

/** Axis domain with a little padding so the first and last points do not sit on the plot edges. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) return [0, DAY_MS];
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  // One point (or all at once): show an hour either side so it is not at the edge of a zero-width domain.
  const pad = hi > lo ? (hi - lo) * 0.03 : 3_600_000;
  return [lo - pad, hi + pad];
}

// Built once: a DateTimeFormat costs ~0.1 ms to construct, and every render of a time chart asked for one.
const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
const SECONDS = utc({ hour: "2-digit", minute: "2-digit", second: "2-digit" });
const MINUTES = utc({ hour: "2-digit", minute: "2-digit" });
const DAYS = utc({ day: "numeric", month: "short" });
const MONTHS = utc({ month: "short", year: "numeric" });

/**
 * A tick formatter that fits the span shown: seconds within an hour, times of day within two days, dates beyond.
 * UTC, like the rest of the dashboard's timestamps, so server and browser render the same text.
 */
export function timeTickFormatter(domain: readonly [number, number]): (ms: number) => string {
  const span = domain[1] - domain[0];
  const fmt = span <= 3_600_000 ? SECONDS : span <= 2 * DAY_MS ? MINUTES : span <= 300 * DAY_MS ? DAYS : MONTHS;
  return (ms: number) => fmt.format(new Date(ms));
}

/** Full timestamp for tooltips: "2026-12-02 00:34 UTC". */
export function formatTooltipTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Props of a recharts `<XAxis>` on a real time axis (`dataKey` "t", epoch ms) with an axis label: spread them,
 * `<XAxis {...timeXAxisProps(domain, "Scored at (UTC)")} />`, so every time chart ticks and labels the same way.
 */
export function timeXAxisProps(domain: [number, number], label: string) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain,
    tickFormatter: timeTickFormatter(domain),
    minTickGap: 32,
    tick: CHART_AXIS,
    label: { value: label, position: "insideBottom" as const, offset: -16, fill: CHART_AXIS.fill, fontSize: 12 },
  };
}
