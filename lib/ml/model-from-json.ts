import { BaselineLogisticModel } from "./linear/baseline-logistic.ts";
import { LinearModel } from "./linear/linear-model.ts";
import { GradientBoostingModel } from "./tree/gradient-boosting-model.ts";
import type { BinaryClassifier, ModelJson } from "./types.ts";

/**
 * Rebuilds a fitted model from its artifact JSON, dispatching on `family`. A new family (the tree models) adds its
 * case here and nothing else changes: the registry, scoring and SHAP code only see BinaryClassifier.
 * @throws RangeError for an unknown family (and whatever the family's fromJSON throws for a malformed document)
 */
export function modelFromJSON(json: ModelJson): BinaryClassifier {
  switch (json.family) {
    case "logistic-regression":
      return LinearModel.fromJSON(json);
    case "baseline-logistic":
      return BaselineLogisticModel.fromJSON(json);
    case "gradient-boosting":
      return GradientBoostingModel.fromJSON(json);
    default:
      throw new RangeError(`modelFromJSON: unknown model family "${json.family}" (known: logistic-regression, baseline-logistic, gradient-boosting)`);
  }
}
