import { describe, expect, it } from "vitest";
import { riskBand } from "./risk-band.ts";

describe("riskBand", () => {
  it("is high from the threshold up, medium from half of it, low below", () => {
    expect([0, 0.3499, 0.35, 0.6999, 0.7, 1].map((p) => riskBand(p, 0.7))).toEqual(["low", "low", "medium", "medium", "high", "high"]);
    expect([0.24, 0.25, 0.5].map((p) => riskBand(p, 0.5))).toEqual(["low", "medium", "high"]);
  });
});
