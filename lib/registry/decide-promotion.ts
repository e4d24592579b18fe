// The promotion rule, pure: the caller scores the candidate and the current champion on the same new test set and
// passes both numbers; this says whether the candidate becomes champion, and why, in words the dashboard shows.

export type MetricDirection = "higher" | "lower";

/** Metrics where smaller is better; every other metric (roc_auc, pr_auc, accuracy, f1, ...) improves upwards. */
const LOWER_IS_BETTER = new Set(["log_loss", "brier", "brier_score", "mse", "rmse", "mae"]);

export function metricDirection(metric: string): MetricDirection {
  return LOWER_IS_BETTER.has(metric) ? "lower" : "higher";
}

/** The rule's name, written as the actor of the audit entries it causes. */
export const PROMOTION_RULE = "rule:min-delta";

export interface PromotionInput {
  primaryMetric: string;
  /** the candidate's primary metric on the new test set */
  candidate: number;
  /** the current champion's primary metric on the same test set; null when there is no champion yet */
  champion: number | null;
  /** the least improvement that promotes (CHURN_PROMOTION_MIN_DELTA) */
  minDelta: number;
  /** defaults to metricDirection(primaryMetric) */
  direction?: MetricDirection;
}

export interface PromotionDecision {
  promote: boolean;
  /** auto-promote (the rule promoted) or skip (the candidate stays a challenger) */
  action: "auto-promote" | "skip";
  metric: string;
  direction: MetricDirection;
  candidate: number;
  champion: number | null;
  /** improvement in the metric's better direction (candidate − champion, or champion − candidate when lower is better); null without a champion */
  delta: number | null;
  minDelta: number;
  reason: string;
}

// Differences of metrics carry ~1e-16 of rounding: 0.9 − 0.895 is 0.0050000000000000044 but 0.565 − 0.56 is
// 0.004999999999999893. A candidate exactly min delta better must promote either way, so compare with this slack.
const ROUNDING_SLACK = 1e-12;

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));

export function decidePromotion(input: PromotionInput): PromotionDecision {
  const { primaryMetric: metric, candidate, champion, minDelta } = input;
  const direction = input.direction ?? metricDirection(metric);
  if (!(minDelta >= 0)) throw new RangeError(`minDelta must be a number ≥ 0, got ${minDelta}`);
  const base = { metric, direction, candidate, champion, minDelta };
  const skip = (delta: number | null, reason: string): PromotionDecision => ({ ...base, promote: false, action: "skip", delta, reason });
  if (!Number.isFinite(candidate)) return skip(null, `The candidate's ${metric} could not be computed on the test set (${candidate}), so it is not promoted.`);
  if (champion === null) {
    return { ...base, promote: true, action: "auto-promote", delta: null, reason: `First version of this model: promoted with ${metric} ${fmt(candidate)}.` };
  }
  if (!Number.isFinite(champion)) {
    return skip(null, `The champion's ${metric} could not be computed on the new test set (${champion}), so the two cannot be compared; promote by hand if the candidate is better.`);
  }
  const delta = direction === "higher" ? candidate - champion : champion - candidate;
  const better = direction === "higher" ? "higher" : "lower";
  const numbers = `${metric} ${fmt(candidate)} vs champion ${fmt(champion)} on the same test set`;
  if (delta + ROUNDING_SLACK >= minDelta) {
    return { ...base, promote: true, action: "auto-promote", delta, reason: `${numbers}: ${fmt(Math.abs(delta))} ${better}, at least the minimum improvement ${fmt(minDelta)}.` };
  }
  const shortfall = delta < 0 ? `worse by ${fmt(-delta)}` : `better by only ${fmt(delta)}`;
  return skip(delta, `${numbers}: ${shortfall}, less than the minimum improvement ${fmt(minDelta)} (${better} is better).`);
}
