import { getEnv } from "../env.ts";

/** CHURN_PROMOTION_MIN_DELTA (default 0.005): the least improvement of the primary metric that promotes. */
export function promotionMinDelta(): number {
  return getEnv().CHURN_PROMOTION_MIN_DELTA;
}
