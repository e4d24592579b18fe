import type { DesignColumn, Matrix, RawFrame } from "../types.ts";
import { designWidth, type FeatureSchema, type PreprocessorJson } from "./preprocessor-json.ts";
import { type TransformOptions, transformFrame } from "./transform-frame.ts";

/** A fitted preprocessing: raw frame → design matrix, serialisable with the model. */
export interface Preprocessor {
  readonly columns: readonly DesignColumn[];
  readonly schema: readonly FeatureSchema[];
  transform(frame: RawFrame, options?: TransformOptions): { matrix: Matrix; columns: DesignColumn[] };
  toJSON(): PreprocessorJson;
}

/**
 * Rebuilds a fitted preprocessor from its JSON (as stored in a model artifact). The JSON is deep-copied, so
 * later changes to the argument do not leak into the preprocessor.
 *
 * @throws RangeError when the JSON is not a version-1 preprocessor or its columns do not match its steps
 */
export function preprocessorFromJSON(json: PreprocessorJson): Preprocessor {
  if (json === null || typeof json !== "object" || json.version !== 1 || !Array.isArray(json.steps) || !Array.isArray(json.columns)) {
    throw new RangeError("preprocessorFromJSON: not a version-1 preprocessor (expected { version: 1, steps, columns, … })");
  }
  const frozen: PreprocessorJson = structuredClone(json);
  const expected = frozen.steps.reduce((n, step) => n + designWidth(step), 0);
  if (expected !== frozen.columns.length) {
    throw new RangeError(`preprocessorFromJSON: the steps make ${expected} design columns but the JSON lists ${frozen.columns.length}`);
  }
  return {
    columns: frozen.columns,
    schema: frozen.schema,
    transform: (frame, options) => transformFrame(frozen, frame, options),
    toJSON: () => structuredClone(frozen),
  };
}
