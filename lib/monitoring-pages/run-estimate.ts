import { z } from "zod";

// monitoring.scoring_runs.estimate as the pages read it: the CBPE estimate a scoring run stored (lib/scoring/
// estimate-run.ts). Parsed leniently: a band edge the Monte-Carlo draws could not place is NaN in memory and null in
// JSON, and a run stored by an older version may lack a field; the page then draws what is there.

/** An estimate and its band; a band edge is null when no draw gave the metric a value. */
export interface EstimatedMetric {
  estimate: number;
  lower: number | null;
  upper: number | null;
}

export interface RunEstimateView {
  rows: number;
  expectedPositives: number;
  rocAuc: EstimatedMetric | null;
  precisionAtK: (EstimatedMetric & { k: number }) | null;
  /** band coverage, e.g. 0.95 */
  level: number | null;
  /** "platt" | "isotonic" | "none" (the classifier's own probabilities), null when not recorded */
  calibration: string | null;
}

const edge = z.number().finite().nullable().catch(null);
const metric = z.object({ estimate: z.number().finite(), lower: edge, upper: edge });
const schema = z.object({
  rows: z.number().int().nonnegative(),
  expectedPositives: z.number().finite(),
  rocAuc: metric.nullable().catch(null),
  precisionAtK: metric.extend({ k: z.number().int().positive() }).nullable().catch(null),
  band: z.object({ level: z.number() }).nullable().catch(null),
  calibration: z.string().nullable().catch(null),
});

/** The stored estimate as the pages show it; null when there is none or it is not an estimate at all. */
export function parseRunEstimate(raw: unknown): RunEstimateView | null {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return null;
  const e = parsed.data;
  return { rows: e.rows, expectedPositives: e.expectedPositives, rocAuc: e.rocAuc, precisionAtK: e.precisionAtK, level: e.band?.level ?? null, calibration: e.calibration };
}
