import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env.ts";
import { promotionMinDelta } from "./promotion-min-delta.ts";

afterEach(() => {
  delete process.env.CHURN_PROMOTION_MIN_DELTA;
  resetEnvCache();
});

describe("promotionMinDelta", () => {
  it("defaults to 0.005, reads CHURN_PROMOTION_MIN_DELTA, and refuses a negative value", () => {
    delete process.env.CHURN_PROMOTION_MIN_DELTA;
    resetEnvCache();
    expect(promotionMinDelta()).toBe(0.005);
    process.env.CHURN_PROMOTION_MIN_DELTA = "0.02";
    resetEnvCache();
    expect(promotionMinDelta()).toBe(0.02);
    process.env.CHURN_PROMOTION_MIN_DELTA = "-0.1";
    resetEnvCache();
    expect(() => promotionMinDelta()).toThrow(/CHURN_PROMOTION_MIN_DELTA must be 0 or more/);
  });
});
