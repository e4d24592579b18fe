import { calibratorFromJSON } from "../ml/calibrate/calibrator.ts";
import { sigmoid } from "../ml/linear/sigmoid.ts";
import type { ModelArtifact } from "./types.ts";

/**
 * The probabilities scoring stores and monitoring estimates from: the artifact's calibrator applied to the
 * classifier's raw scores (margins, `modelFromJSON(artifact.classifier).raw(x)`), or sigmoid(raw), the classifier's
 * own probability, for a version saved without a calibrator. Pure; O(n) (O(n log m) for an isotonic calibrator).
 *
 * @example calibratedProbability({ calibration: { method: "platt", a: -1, b: 0 } }, Float64Array.of(0)) // [0.5]
 */
export function calibratedProbability(artifact: Pick<ModelArtifact, "calibration">, raw: Float64Array): Float64Array {
  if (!artifact.calibration) return raw.map(sigmoid);
  return calibratorFromJSON(artifact.calibration).apply(raw);
}
