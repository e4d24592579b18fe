import { describe, expect, it } from "vitest";
import { decidePromotion, metricDirection } from "./decide-promotion.ts";

const MIN = 0.005;

describe("decidePromotion", () => {
  it("always promotes the first version, with no champion number and no delta", () => {
    const d = decidePromotion({ primaryMetric: "pr_auc", candidate: 0.41, champion: null, minDelta: MIN });
    expect(d).toMatchObject({ promote: true, action: "auto-promote", champion: null, delta: null });
    expect(d.reason).toMatch(/First version/);
  });

  it("promotes a higher-is-better metric improved by at least the minimum delta, exactly the minimum included", () => {
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: 0.92, champion: 0.91, minDelta: MIN })).toMatchObject({ promote: true, action: "auto-promote" });
    // 0.565 − 0.56 is 0.004999999999999893 in binary floating point: still exactly the minimum.
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: 0.565, champion: 0.56, minDelta: MIN }).promote).toBe(true);
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: 0.9, champion: 0.895, minDelta: MIN }).promote).toBe(true);
  });

  it("skips an improvement below the minimum delta and a regression, saying which and by how much", () => {
    const small = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.914, champion: 0.91, minDelta: MIN });
    expect(small).toMatchObject({ promote: false, action: "skip", candidate: 0.914, champion: 0.91 });
    expect(small.delta).toBeCloseTo(0.004, 12);
    expect(small.reason).toMatch(/better by only 0\.004, less than the minimum improvement 0\.005/);
    const worse = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.89, champion: 0.91, minDelta: MIN });
    expect(worse.promote).toBe(false);
    expect(worse.delta).toBeCloseTo(-0.02, 12);
    expect(worse.reason).toMatch(/worse by 0\.02/);
  });

  it("flips the sign for lower-is-better metrics such as log loss", () => {
    expect(metricDirection("log_loss")).toBe("lower");
    expect(metricDirection("brier")).toBe("lower");
    expect(metricDirection("pr_auc")).toBe("higher");
    const better = decidePromotion({ primaryMetric: "log_loss", candidate: 0.30, champion: 0.31, minDelta: MIN });
    expect(better).toMatchObject({ promote: true, direction: "lower" });
    expect(better.delta).toBeCloseTo(0.01, 12);
    const higherLoss = decidePromotion({ primaryMetric: "log_loss", candidate: 0.32, champion: 0.31, minDelta: MIN });
    expect(higherLoss.promote).toBe(false);
    expect(higherLoss.delta).toBeCloseTo(-0.01, 12);
    // An explicit direction wins over the name.
    expect(decidePromotion({ primaryMetric: "custom_cost", candidate: 10, champion: 11, minDelta: MIN, direction: "lower" }).promote).toBe(true);
    expect(decidePromotion({ primaryMetric: "custom_cost", candidate: 10, champion: 11, minDelta: MIN }).promote).toBe(false);
  });

  it("never promotes on a metric that could not be computed", () => {
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: Number.NaN, champion: 0.8, minDelta: MIN })).toMatchObject({ promote: false, delta: null });
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: Number.NaN, champion: null, minDelta: MIN }).promote).toBe(false);
    const noChampionScore = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.9, champion: Number.NaN, minDelta: MIN });
    expect(noChampionScore.promote).toBe(false);
    expect(noChampionScore.reason).toMatch(/promote by hand/);
  });

  it("honours a zero minimum (any strict-or-equal improvement) and refuses a negative one", () => {
    expect(decidePromotion({ primaryMetric: "roc_auc", candidate: 0.8, champion: 0.8, minDelta: 0 }).promote).toBe(true);
    expect(() => decidePromotion({ primaryMetric: "roc_auc", candidate: 0.8, champion: 0.8, minDelta: -1 })).toThrow(RangeError);
  });
});
