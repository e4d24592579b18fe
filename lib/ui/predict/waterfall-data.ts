// The waterfall of one prediction (shap's waterfall plot): from the average customer's log-odds, each feature's
// contribution moves the score up or down until it reaches this customer's. Pure, so the chart and its data table
// show the same numbers and a test can check the steps.

export interface WaterfallStep {
  label: string;
  /** the feature's name (feature steps only) */
  feature?: string;
  /** "base" (average customer), "feature", "rest" (the smaller features together), "total" (this customer) */
  kind: "base" | "feature" | "rest" | "total";
  /** log-odds before and after this step (base and total start at 0) */
  from: number;
  to: number;
  /** to − from for features; the level for base/total */
  value: number;
  /** churn probability after this step */
  probability: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Steps in order of |contribution| (largest first): the `top` largest features, then the rest summed into one bar
 * (so a 70-feature model stays readable on a phone), then the total. The last feature step ends exactly at
 * expected + Σ contributions.
 */
export function waterfallSteps(expectedValue: number, contributions: readonly { feature: string; value: number }[], opts: { top?: number; label?: (feature: string) => string } = {}): WaterfallStep[] {
  const top = opts.top ?? 8;
  const label = opts.label ?? ((f: string) => f);
  const sorted = [...contributions].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const steps: WaterfallStep[] = [{ label: "Average customer", kind: "base", from: 0, to: expectedValue, value: expectedValue, probability: sigmoid(expectedValue) }];
  let level = expectedValue;
  const push = (text: string, kind: "feature" | "rest", value: number, feature?: string) => {
    const from = level;
    level += value;
    steps.push({ label: text, ...(feature ? { feature } : {}), kind, from, to: level, value, probability: sigmoid(level) });
  };
  for (const c of sorted.slice(0, top)) push(label(c.feature), "feature", c.value, c.feature);
  const rest = sorted.slice(top);
  if (rest.length > 0) push(`${rest.length} other feature${rest.length === 1 ? "" : "s"}`, "rest", rest.reduce((s, c) => s + c.value, 0));
  steps.push({ label: "This customer", kind: "total", from: 0, to: level, value: level, probability: sigmoid(level) });
  return steps;
}
