import { describe, expect, it } from "vitest";
import { heuristicChurn } from "./heuristic-churn.ts";

describe("heuristicChurn", () => {
  it("matches the documented rule at its three quoted customers", () => {
    // Python: 1/(1+math.exp(1.5)) = 0.18242552380635635; 1/(1+math.exp(-(-1.5+2.3+1.2))) = 0.8807970779778823
    expect(heuristicChurn({ daysSinceLastActivity: 7, activeDays30: 10 }).probability).toBeCloseTo(0.18242552380635635, 12);
    expect(heuristicChurn({ daysSinceLastActivity: 30, activeDays30: 2 }).probability).toBeCloseTo(0.8807970779778823, 12);
    expect(heuristicChurn({ daysSinceLastActivity: 0, activeDays30: 25 }).probability).toBeLessThan(0.015);
  });

  it("rises with inactivity, falls with activity, clamps inputs, and its contributions add up to the log-odds", () => {
    const a = heuristicChurn({ daysSinceLastActivity: 3, activeDays30: 12 });
    expect(heuristicChurn({ daysSinceLastActivity: 20, activeDays30: 12 }).probability).toBeGreaterThan(a.probability);
    expect(heuristicChurn({ daysSinceLastActivity: 3, activeDays30: 20 }).probability).toBeLessThan(a.probability);
    expect(heuristicChurn({ daysSinceLastActivity: 500, activeDays30: -4 }).raw).toBe(heuristicChurn({ daysSinceLastActivity: 90, activeDays30: 0 }).raw);
    expect(a.contributions.reduce((s, c) => s + c.value, a.expectedValue)).toBeCloseTo(a.raw, 12);
  });
});
