import type { ShapSample } from "../../ml/explain/sample-shap-rows.ts";

/** One dot of the SHAP summary plot. */
export interface ShapPoint {
  /** SHAP value (log-odds) */
  shap: number;
  /** row of the feature on the y axis (0 = most important, drawn on top) plus a small deterministic jitter */
  y: number;
  /** feature value scaled to [0, 1] within its feature; null for a category or a missing value (neutral colour) */
  level: number | null;
  /** the raw value, for the tooltip */
  value: number | string | null;
}

export interface ShapSummary {
  /** y-axis order: most important first */
  features: string[];
  points: ShapPoint[];
  /** per feature: mean |SHAP| over the sample, min/max SHAP (the data-table fallback) */
  stats: { feature: string; meanAbs: number; min: number; max: number; points: number }[];
}

/** Features shown: beyond a dozen rows the plot stops being readable on a phone. */
export const SHAP_TOP_FEATURES = 12;
/** Dots per feature: enough to see the spread, few enough for an SVG on a phone. */
export const SHAP_POINTS_PER_FEATURE = 200;

/** Spreads dots of one row vertically so overlapping values stay visible; a hash of the index, not Math.random (same render on server and client). */
function jitter(i: number): number {
  const h = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
  return (h - Math.floor(h) - 0.5) * 0.6;
}

/**
 * Points of the SHAP summary plot (shap's beeswarm, drawn as a jittered scatter): x = SHAP value, y = feature,
 * colour = the feature's value normalised within that feature (min–max over the sample's numeric values). The
 * order follows `importanceOrder` (mean |SHAP| of the whole test set), else the sample's own mean |SHAP|.
 */
export function shapSummaryPoints(sample: ShapSample, importanceOrder: readonly string[] = [], top = SHAP_TOP_FEATURES, perFeature = SHAP_POINTS_PER_FEATURE): ShapSummary {
  const stats = sample.features.map((f) => {
    const finite = f.shap.filter((v) => Number.isFinite(v));
    const meanAbs = finite.length ? finite.reduce((s, v) => s + Math.abs(v), 0) / finite.length : 0;
    return { feature: f.feature, meanAbs, min: finite.length ? Math.min(...finite) : 0, max: finite.length ? Math.max(...finite) : 0, points: finite.length };
  });
  const rank = new Map(importanceOrder.map((f, i) => [f, i]));
  const ordered = [...sample.features.keys()].sort((a, b) => {
    const ra = rank.get(sample.features[a].feature) ?? Number.POSITIVE_INFINITY;
    const rb = rank.get(sample.features[b].feature) ?? Number.POSITIVE_INFINITY;
    return ra !== rb ? ra - rb : stats[b].meanAbs - stats[a].meanAbs;
  });
  const chosen = ordered.slice(0, top);
  const points: ShapPoint[] = [];
  chosen.forEach((fi, row) => {
    const f = sample.features[fi];
    const numeric = f.value.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    const lo = numeric.length ? Math.min(...numeric) : 0;
    const hi = numeric.length ? Math.max(...numeric) : 0;
    const step = Math.max(1, Math.ceil(f.shap.length / perFeature));
    for (let i = 0; i < f.shap.length; i += step) {
      const shap = f.shap[i];
      if (!Number.isFinite(shap)) continue;
      const value = f.value[i] ?? null;
      const level = typeof value === "number" && Number.isFinite(value) ? (hi > lo ? (value - lo) / (hi - lo) : 0.5) : null;
      points.push({ shap, y: row + jitter(points.length), level, value });
    }
  });
  return { features: chosen.map((fi) => sample.features[fi].feature), points, stats: chosen.map((fi) => stats[fi]) };
}
