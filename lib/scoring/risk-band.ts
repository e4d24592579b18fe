/** A customer's risk band from the churn probability: high at or above the threshold, medium from half of it. */
export type RiskBand = "high" | "medium" | "low";

/** Default of CHURNOPS_HIGH_RISK_THRESHOLD: the probability from which a customer counts as high risk. */
export const DEFAULT_HIGH_RISK_THRESHOLD = 0.7;

/**
 * high ≥ threshold, medium ≥ threshold / 2, low below. One rule for batch scoring, the API and the what-if form, so a
 * customer's band is the same wherever it is shown.
 */
export function riskBand(probability: number, threshold = DEFAULT_HIGH_RISK_THRESHOLD): RiskBand {
  if (probability >= threshold) return "high";
  if (probability >= threshold / 2) return "medium";
  return "low";
}

/** The same rule as an SQL expression over a probability expression (threshold bound as a float8 literal). */
export function riskBandSql(probability: string, threshold = DEFAULT_HIGH_RISK_THRESHOLD): string {
  const t = Number(threshold);
  if (!Number.isFinite(t)) throw new RangeError(`riskBandSql: threshold must be a finite number, got ${threshold}`);
  return `CASE WHEN ${probability} >= ${t}::float8 THEN 'high' WHEN ${probability} >= ${t / 2}::float8 THEN 'medium' ELSE 'low' END`;
}

/** The lower bound of each band for a threshold (shown beside the bands). */
export const riskBandBounds = (high: number) => ({ medium: high / 2, high });
