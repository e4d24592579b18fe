import { metricDirection } from "../../registry/decide-promotion.ts";
import type { ReportView } from "./report-view.ts";

// Rows of the side-by-side version compare. "a" is the version chosen first (usually the older), "b" the other;
// deltas are b − a, and `better` says which side wins in the metric's own direction (log loss: lower).

export interface MetricCompareRow {
  key: string;
  label: string;
  a: number | null;
  b: number | null;
  delta: number | null;
  better: "a" | "b" | "same" | null;
}

export function metricCompareRows(a: ReportView, b: ReportView): MetricCompareRow[] {
  const keys = [...new Set([...a.numbers.map((n) => n.key), ...b.numbers.map((n) => n.key)])];
  return keys.map((key) => {
    const va = a.numbers.find((n) => n.key === key)?.value ?? null;
    const vb = b.numbers.find((n) => n.key === key)?.value ?? null;
    const label = a.numbers.find((n) => n.key === key)?.label ?? b.numbers.find((n) => n.key === key)?.label ?? key;
    if (va === null || vb === null) return { key, label, a: va, b: vb, delta: null, better: null };
    const delta = vb - va;
    const improvement = metricDirection(key) === "lower" ? -delta : delta;
    return { key, label, a: va, b: vb, delta, better: Math.abs(delta) < 1e-12 ? "same" : improvement > 0 ? "b" : "a" };
  });
}

export interface ParamCompareRow {
  key: string;
  a: string;
  b: string;
  changed: boolean;
}

/** A parameter value as short text ("—" when the version has no such parameter). */
export function paramText(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function paramCompareRows(a: Record<string, unknown>, b: Record<string, unknown>): ParamCompareRow[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.map((key) => {
    const ta = paramText(a[key]);
    const tb = paramText(b[key]);
    return { key, a: ta, b: tb, changed: ta !== tb };
  });
}

export interface ImportanceCompareRow {
  feature: string;
  a: number | null;
  b: number | null;
  rankA: number | null;
  rankB: number | null;
}

/** Importances of both versions by feature, ordered by the larger of the two (a feature one version lacks shows null). */
export function importanceCompareRows(
  a: readonly { feature: string; meanAbsShap: number; rank: number }[],
  b: readonly { feature: string; meanAbsShap: number; rank: number }[],
): ImportanceCompareRow[] {
  const byA = new Map(a.map((i) => [i.feature, i]));
  const byB = new Map(b.map((i) => [i.feature, i]));
  const features = [...new Set([...byA.keys(), ...byB.keys()])];
  return features
    .map((feature) => ({
      feature, a: byA.get(feature)?.meanAbsShap ?? null, b: byB.get(feature)?.meanAbsShap ?? null,
      rankA: byA.get(feature)?.rank ?? null, rankB: byB.get(feature)?.rank ?? null,
    }))
    .sort((x, y) => Math.max(y.a ?? 0, y.b ?? 0) - Math.max(x.a ?? 0, x.b ?? 0) || x.feature.localeCompare(y.feature));
}
