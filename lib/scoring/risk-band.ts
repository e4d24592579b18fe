/** Risk bands of a churn probability, as the what-if page, the API and batch scoring label them. */
export type RiskBand = "low" | "medium" | "high";

/**
 * high when probability ≥ `high` (CHURNOPS_HIGH_RISK_THRESHOLD, default 0.7), medium when ≥ half of it, else low.
 * Half the threshold: a customer at 0.35 with a 0.7 threshold is not yet "at risk" but worth a look, and the bands
 * move together when the threshold is tuned (one knob, not two).
 */
export function riskBand(probability: number, high: number): RiskBand {
  if (probability >= high) return "high";
  if (probability >= high / 2) return "medium";
  return "low";
}

/** The lower bound of each band for a threshold (shown beside the bands). */
export const riskBandBounds = (high: number) => ({ medium: high / 2, high });
