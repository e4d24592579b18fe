/** A search trial as the version page receives it (lib/registry TrialView, trimmed). */
export interface TrialInput {
  index: number;
  family: string;
  params: Record<string, unknown>;
  validationScore: number | null;
}

export interface TrialSeries {
  /** "l1_ratio 0.5", or the family when the trial has no l1_ratio */
  name: string;
  l1Ratio: number | null;
  /** sorted by C */
  points: { C: number; score: number; index: number }[];
}

/**
 * The search trials as one series per elastic-net mix (l1_ratio), each a line of validation score against the
 * regularisation strength C (drawn on a log axis). Trials without a positive C or a score are left out (they
 * cannot sit on a log axis) and counted in `skipped`.
 */
export function trialSeries(trials: readonly TrialInput[]): { series: TrialSeries[]; skipped: number } {
  const groups = new Map<string, TrialSeries>();
  let skipped = 0;
  for (const t of trials) {
    const C = t.params.C;
    const mix = t.params.l1_ratio;
    if (typeof C !== "number" || !(C > 0) || t.validationScore === null || !Number.isFinite(t.validationScore)) {
      skipped++;
      continue;
    }
    const l1Ratio = typeof mix === "number" ? mix : null;
    const name = l1Ratio === null ? t.family : `l1_ratio ${Number(l1Ratio.toPrecision(3))}`;
    const group = groups.get(name) ?? { name, l1Ratio, points: [] };
    group.points.push({ C, score: t.validationScore, index: t.index });
    groups.set(name, group);
  }
  const series = [...groups.values()].sort((a, b) => (a.l1Ratio ?? Infinity) - (b.l1Ratio ?? Infinity) || a.name.localeCompare(b.name));
  for (const s of series) s.points.sort((a, b) => a.C - b.C);
  return { series, skipped };
}
