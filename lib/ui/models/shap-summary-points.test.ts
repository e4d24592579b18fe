import { describe, expect, it } from "vitest";
import { shapSummaryPoints } from "./shap-summary-points.ts";

const sample = {
  rows: [0, 1, 2],
  features: [
    { feature: "plan", shap: [0.1, -0.1, 0.1], value: ["paid", "free", "paid"] },
    { feature: "logins_7d", shap: [-1, 0.5, 2], value: [0, 5, 10] },
    { feature: "age_days", shap: [0.2, Number.NaN, -0.2], value: [30, null, 30] },
  ],
};

describe("shapSummaryPoints", () => {
  it("orders features by the given importance and colours numeric values min–max within each feature", () => {
    const s = shapSummaryPoints(sample, ["logins_7d", "plan", "age_days"]);
    expect(s.features).toEqual(["logins_7d", "plan", "age_days"]);
    const logins = s.points.filter((p) => Math.round(p.y) === 0);
    expect(logins.map((p) => [p.shap, p.level])).toEqual([[-1, 0], [0.5, 0.5], [2, 1]]);
    // categories get no level (neutral colour); a constant numeric feature sits in the middle; NaN SHAP is skipped
    expect(s.points.filter((p) => Math.round(p.y) === 1).every((p) => p.level === null)).toBe(true);
    expect(s.points.filter((p) => Math.round(p.y) === 2).map((p) => p.level)).toEqual([0.5, 0.5]);
    expect(s.stats[0]).toEqual({ feature: "logins_7d", meanAbs: 3.5 / 3, min: -1, max: 2, points: 3 });
  });

  it("falls back to the sample's own mean |SHAP| and keeps only the top features", () => {
    const s = shapSummaryPoints(sample, [], 2);
    expect(s.features).toEqual(["logins_7d", "age_days"]); // 1.1667 > 0.2 > 0.1
    for (const p of s.points) expect(Math.abs(p.y - Math.round(p.y))).toBeLessThanOrEqual(0.3);
  });

  it("thins long samples to the per-feature cap", () => {
    const long = { rows: [], features: [{ feature: "x", shap: Array.from({ length: 1000 }, (_, i) => i), value: Array.from({ length: 1000 }, (_, i) => i) }] };
    expect(shapSummaryPoints(long, [], 12, 300).points.length).toBe(250); // every 4th of 1000
    expect(shapSummaryPoints(long).points.length).toBe(200); // the default cap: every 5th
  });
});
