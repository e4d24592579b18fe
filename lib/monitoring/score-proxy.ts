import { linearQuantile } from "./linear-quantile.ts";

/** The score-distribution proxy of one scoring run: what the model says before any label arrives. */
export interface ScoreSummary {
  rows: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  /** share of rows with probability ≥ the high-risk threshold */
  highRiskRate: number;
}

/**
 * Mean, median, 90th and 99th percentiles (numpy's linear quantiles) and the high-risk rate (probability ≥
 * `highRiskThreshold`, default 0.7: `CHURNOPS_HIGH_RISK_THRESHOLD`'s default; the caller passes the env value) of a
 * scoring run's churn probabilities. A shift in these with no change in the customers is the first sign of drift.
 *
 * O(n log n): one sort of a copy.
 *
 * @throws RangeError on no rows, a NaN probability or a threshold that is not a number
 * @example scoreSummary(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.9))
 *   // { rows: 5, mean: 0.38, p50: 0.3, p90: 0.7000000000000001, p99: 0.88, highRiskRate: 0.2 }
 */
export function scoreSummary(probabilities: Float64Array, highRiskThreshold = 0.7): ScoreSummary {
  const rows = probabilities.length;
  if (rows === 0) throw new RangeError("scoreSummary needs at least one probability");
  if (Number.isNaN(highRiskThreshold)) throw new RangeError("scoreSummary: highRiskThreshold is NaN");
  let sum = 0;
  let highRisk = 0;
  for (let i = 0; i < rows; i++) {
    const p = probabilities[i]!;
    if (Number.isNaN(p)) throw new RangeError(`scoreSummary: probabilities[${i}] is NaN`);
    sum += p;
    if (p >= highRiskThreshold) highRisk++;
  }
  // Float64Array.prototype.sort is numeric (not the string order of Array.prototype.sort).
  const sorted = probabilities.slice().sort();
  return {
    rows,
    mean: sum / rows,
    p50: linearQuantile(sorted, 0.5),
    p90: linearQuantile(sorted, 0.9),
    p99: linearQuantile(sorted, 0.99),
    highRiskRate: highRisk / rows,
  };
}
