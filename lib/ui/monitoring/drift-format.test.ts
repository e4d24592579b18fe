import { describe, expect, it } from "vitest";
import { driftRule, driftStatusVariant, driftTestName, formatPValue, formatStatistic } from "./drift-format.ts";

describe("drift display text", () => {
  it("names tests and their rule", () => {
    expect(driftTestName("ks")).toBe("Kolmogorov-Smirnov");
    expect(driftTestName("new_test")).toBe("new_test");
    expect(driftRule("jensen_shannon")).toBe("drift when ≥ threshold");
    expect(driftRule("chi_square")).toBe("drift when p < threshold");
  });

  it("colours pass/warn/fail", () => {
    expect(["pass", "warn", "fail", null].map(driftStatusVariant)).toEqual(["success", "warning", "destructive", "neutral"]);
  });

  it("formats statistics and p-values", () => {
    expect([formatStatistic(0.123456), formatStatistic(0.00001234), formatStatistic(0), formatStatistic(null)]).toEqual(["0.1235", "1.23e-5", "0.0000", "—"]);
    expect([formatPValue(0.00001), formatPValue(0.04999), formatPValue(null)]).toEqual(["<0.0001", "0.0500", "—"]);
  });
});
