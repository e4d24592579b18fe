import { describe, expect, it } from "vitest";
import { waterfallSteps } from "./waterfall-data.ts";

describe("waterfallSteps", () => {
  it("walks from the average customer through the largest contributions to this customer's log-odds", () => {
    const steps = waterfallSteps(-1, [
      { feature: "a", value: 0.2 },
      { feature: "b", value: -0.9 },
      { feature: "c", value: 0.05 },
      { feature: "d", value: 1.5 },
    ], { top: 2 });
    expect(steps.map((s) => [s.label, s.kind])).toEqual([["Average customer", "base"], ["d", "feature"], ["b", "feature"], ["2 other features", "rest"], ["This customer", "total"]]);
    expect(steps[1]).toMatchObject({ from: -1, to: 0.5, value: 1.5 });
    expect(steps[2]).toMatchObject({ from: 0.5, value: -0.9 });
    expect(steps[3]!.value).toBeCloseTo(0.25, 12);
    expect(steps[4]!.to).toBeCloseTo(-1 + 0.2 - 0.9 + 0.05 + 1.5, 12);
    // probability after each step is σ(level): σ(0.5) = 0.6224593312018546 (Python: 1/(1+math.exp(-0.5)))
    expect(steps[1]!.probability).toBeCloseTo(0.6224593312018546, 12);
  });

  it("has no rest bar when every feature fits", () => {
    expect(waterfallSteps(0, [{ feature: "x", value: 1 }]).map((s) => s.kind)).toEqual(["base", "feature", "total"]);
  });
});
