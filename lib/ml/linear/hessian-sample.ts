import type { Matrix } from "../types.ts";
import { sum } from "./dense-kernels.ts";

/** The rows `rows` of x (sorted ascending) as a smaller column-major matrix. */
export function gatherRows(x: Matrix, rows: Uint32Array): Matrix {
  const { rows: n, cols, data } = x;
  const m = rows.length;
  const block = new Float64Array(m * cols);
  for (let j = 0; j < cols; j++) {
    const from = j * n;
    const to = j * m;
    for (let k = 0; k < m; k++) block[to + k] = data[from + rows[k]!]!;
  }
  return { rows: m, cols, data: block };
}

/**
 * The logistic Hessian X̃ᵀ diag(c) X̃ of a (sample) matrix, where X̃ = [1, X] prepends the intercept's column of
 * ones: out is (cols + 1)², row-major, both triangles. `curvature[k]` is row k's weight times p_k (1 − p_k), already
 * scaled so that a sample's sum estimates the full-data Hessian.
 * Column by column: scaled = c ∘ x_j once, then dot products with x_0..x_j (four running sums each, like
 * transposeTimes); a row-by-row outer-product loop was 3–4× slower in V8 because every update is a load–store on H.
 * O(m · cols² / 2).
 */
export function sampleHessian(x: Matrix, curvature: Float64Array, out: Float64Array): void {
  const { rows: m, cols, data } = x;
  const size = cols + 1;
  const scaled = new Float64Array(m);
  out[0] = sum(curvature);
  for (let j = 0; j < cols; j++) {
    const offset = j * m;
    for (let k = 0; k < m; k++) scaled[k] = curvature[k]! * data[offset + k]!;
    const row = (j + 1) * size;
    let intercept = 0;
    for (let k = 0; k < m; k++) intercept += scaled[k]!;
    out[row] = intercept;
    out[j + 1] = intercept;
    for (let l = 0; l <= j; l++) {
      const value = dot(scaled, 0, data, l * m, m);
      out[row + l + 1] = value;
      out[(l + 1) * size + j + 1] = value;
    }
  }
}

function dot(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, length: number): number {
  const tail = length - (length % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k < tail; k += 4) {
    s0 += a[aOffset + k]! * b[bOffset + k]!;
    s1 += a[aOffset + k + 1]! * b[bOffset + k + 1]!;
    s2 += a[aOffset + k + 2]! * b[bOffset + k + 2]!;
    s3 += a[aOffset + k + 3]! * b[bOffset + k + 3]!;
  }
  for (; k < length; k++) s0 += a[aOffset + k]! * b[bOffset + k]!;
  return s0 + s1 + (s2 + s3);
}
