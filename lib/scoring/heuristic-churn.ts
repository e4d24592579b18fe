/**
 * The what-if page's stand-in before any model is trained: a fixed rule on recency and activity, the two signals
 * every churn model of this kind leans on most (Streamlit churn apps ship the same kind of fallback). It is not
 * learned from data and the page says so.
 *
 *   log-odds = −1.5 + 0.10 · (days since last activity − 7) − 0.15 · (active days in the last 30 − 10)
 *
 * with days since last activity clamped to 0..90 and active days to 0..30. The reference customer (active a week
 * ago, 10 active days in the last 30) is at σ(−1.5) ≈ 18%; a month away with 2 active days ≈ 88%; active today
 * with 25 active days ≈ 1%. Contributions are the two terms, so they add up like a model's.
 */
export const HEURISTIC_RULE = {
  intercept: -1.5,
  recency: { weight: 0.1, reference: 7, max: 90 },
  activity: { weight: -0.15, reference: 10, max: 30 },
} as const;

export interface HeuristicInput {
  daysSinceLastActivity: number;
  activeDays30: number;
}

export interface HeuristicScore {
  probability: number;
  raw: number;
  expectedValue: number;
  contributions: { feature: string; value: number }[];
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));

export function heuristicChurn(input: HeuristicInput): HeuristicScore {
  const r = HEURISTIC_RULE;
  const recency = r.recency.weight * (clamp(input.daysSinceLastActivity, r.recency.max) - r.recency.reference);
  const activity = r.activity.weight * (clamp(input.activeDays30, r.activity.max) - r.activity.reference);
  const raw = r.intercept + recency + activity;
  const contributions = [
    { feature: "days_since_last_activity", value: recency },
    { feature: "active_days_30", value: activity },
  ].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return { probability: 1 / (1 + Math.exp(-raw)), raw, expectedValue: r.intercept, contributions };
}
