import { describe, expect, it } from "vitest";
import { BaselineLogisticModel, fitBaselineLogistic } from "./linear/baseline-logistic.ts";
import { referenceProblem } from "./linear/__fixtures__/reference-problem.ts";
import { fitLogisticRegression } from "./linear/fit-logistic-regression.ts";
import { LinearModel } from "./linear/linear-model.ts";
import { modelFromJSON } from "./model-from-json.ts";
import { fitGradientBoosting } from "./tree/fit-gradient-boosting.ts";
import { GradientBoostingModel } from "./tree/gradient-boosting-model.ts";

describe("modelFromJSON", () => {
  const { x, y } = referenceProblem(300);

  it("restores a logistic regression with identical probabilities", () => {
    const model = fitLogisticRegression(x, y, { C: 0.5, l1Ratio: 0.5 });
    const back = modelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(back).toBeInstanceOf(LinearModel);
    expect(back.family).toBe("logistic-regression");
    expect(Array.from(back.probability(x))).toEqual(Array.from(model.probability(x)));
  });

  it("restores the baseline with identical probabilities", () => {
    const model = fitBaselineLogistic(x, y, { maxRows: 100, steps: 5 });
    const back = modelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(back).toBeInstanceOf(BaselineLogisticModel);
    expect(Array.from(back.raw(x))).toEqual(Array.from(model.raw(x)));
  });

  it("restores gradient-boosted trees with identical margins", () => {
    const model = fitGradientBoosting(x, y, { maxIter: 10, earlyStopping: false });
    const back = modelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(back).toBeInstanceOf(GradientBoostingModel);
    expect(Array.from(back.raw(x))).toEqual(Array.from(model.raw(x)));
  });

  it("rejects an unknown family", () => {
    expect(() => modelFromJSON({ family: "random-forest" })).toThrow('unknown model family "random-forest"');
  });
});
