import { referenceProblem } from "./reference-problem.ts";
import type { Matrix } from "../../types.ts";

/** The 1500-row reference problem split into the first 1000 rows (train) and the last 500 (validation). */
export function referenceSplit(): { train: Matrix; yTrain: Uint8Array; validation: Matrix; yValidation: Uint8Array } {
  const { x, y } = referenceProblem();
  const slice = (from: number, to: number): Matrix => {
    const rows = to - from;
    const data = new Float64Array(rows * x.cols);
    for (let j = 0; j < x.cols; j++) data.set(x.data.subarray(j * x.rows + from, j * x.rows + to), j * rows);
    return { rows, cols: x.cols, data };
  };
  return { train: slice(0, 1000), yTrain: y.slice(0, 1000), validation: slice(1000, 1500), yValidation: y.slice(1000, 1500) };
}
