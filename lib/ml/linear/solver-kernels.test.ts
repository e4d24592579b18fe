import { describe, expect, it } from "vitest";
import type { Matrix } from "../types.ts";
import { bfgsUpdate } from "./bfgs-update.ts";
import { timesVector, transposeTimes } from "./dense-kernels.ts";
import { fusedSweep } from "./fused-sweep.ts";
import { gatherRows, sampleHessian } from "./hessian-sample.ts";
import { softplus, sigmoid } from "./sigmoid.ts";

// 2,500 × 6 column-major matrix with entries from a fixed formula (more rows than one 1,024-row block, and a column
// count that is not a multiple of 4, so the grouped and tail loops all run).
const rows = 2500;
const cols = 6;
const data = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * 0.37) + ((k % 7) - 3) * 0.1);
const x: Matrix = { rows, cols, data };
const at = (i: number, j: number) => data[j * rows + i]!;
const y = Uint8Array.from({ length: rows }, (_, i) => (Math.cos(i) > 0.2 ? 1 : 0));
const v = new Float64Array(rows).fill(1 / rows);
const beta = Float64Array.from([0.3, 0.5, -0.25, 0, 1.1, -0.7, 0.05]); // intercept + 6, one exact zero

describe("dense kernels", () => {
  it("transposeTimes and timesVector equal the textbook double loops", () => {
    const r = Float64Array.from({ length: rows }, (_, i) => ((i * 13) % 17) / 17 - 0.5);
    const xtr = new Float64Array(cols);
    transposeTimes(x, r, xtr);
    const z = new Float64Array(rows);
    timesVector(x, beta[0]!, beta.subarray(1), z);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += at(i, j) * r[i]!;
      expect(xtr[j]).toBeCloseTo(s, 10);
    }
    for (const i of [0, 1, 1023, 1024, 2499]) {
      let s = beta[0]!;
      for (let j = 0; j < cols; j++) s += at(i, j) * beta[j + 1]!;
      expect(z[i]).toBeCloseTo(s, 12);
    }
  });

  it("fusedSweep gives the margins, losses, residuals and gradient of a separate evaluation", () => {
    const out = { dz: new Float64Array(rows), z: new Float64Array(rows), rowLoss: new Float64Array(rows), residual: new Float64Array(rows), gradient: new Float64Array(cols + 1) };
    const total = fusedSweep(x, y, v, null, beta, 1, null, out);
    let expectedTotal = 0;
    const expectedGradient = new Float64Array(cols + 1);
    for (let i = 0; i < rows; i++) {
      let z = beta[0]!;
      for (let j = 0; j < cols; j++) z += at(i, j) * beta[j + 1]!;
      const loss = softplus(z) - y[i]! * z;
      const residual = v[i]! * (sigmoid(z) - y[i]!);
      expect(out.z[i]).toBeCloseTo(z, 12);
      expect(out.rowLoss[i]).toBeCloseTo(loss, 12);
      expectedTotal += v[i]! * loss;
      expectedGradient[0]! += residual;
      for (let j = 0; j < cols; j++) expectedGradient[j + 1]! += residual * at(i, j);
    }
    expect(total).toBeCloseTo(expectedTotal, 12);
    for (let j = 0; j <= cols; j++) expect(out.gradient[j]).toBeCloseTo(expectedGradient[j]!, 12);
  });

  it("sampleHessian equals X̃ᵀ diag(c) X̃ on gathered rows, symmetric", () => {
    const picked = Uint32Array.from([3, 100, 1500, 2499]);
    const block = gatherRows(x, picked);
    expect(block.rows).toBe(4);
    const c = Float64Array.from([0.2, 0.1, 0.25, 0.05]);
    const h = new Float64Array((cols + 1) ** 2);
    sampleHessian(block, c, h);
    const xt = (k: number, a: number) => (a === 0 ? 1 : at(picked[k]!, a - 1));
    for (let a = 0; a <= cols; a++) {
      for (let b = 0; b <= cols; b++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += c[k]! * xt(k, a) * xt(k, b);
        expect(h[a * (cols + 1) + b]).toBeCloseTo(s, 13);
      }
    }
  });
});

describe("bfgsUpdate", () => {
  it("makes the matrix satisfy the secant condition B·s = y and keeps it symmetric", () => {
    const b = Float64Array.from([2, 0.5, 0, 0.5, 1, 0.2, 0, 0.2, 3]);
    const s = Float64Array.from([0.1, -0.2, 0.3]);
    const yv = Float64Array.from([0.25, -0.1, 0.8]);
    expect(bfgsUpdate(b, s, yv)).toBe(true);
    for (let i = 0; i < 3; i++) {
      let bs = 0;
      for (let j = 0; j < 3; j++) bs += b[i * 3 + j]! * s[j]!;
      expect(bs).toBeCloseTo(yv[i]!, 14);
      for (let j = 0; j < 3; j++) expect(b[i * 3 + j]).toBeCloseTo(b[j * 3 + i]!, 15);
    }
  });

  it("skips an update with non-positive curvature yᵀs", () => {
    const b = Float64Array.from([1, 0, 0, 1]);
    expect(bfgsUpdate(b, Float64Array.from([1, 0]), Float64Array.from([-1, 0]))).toBe(false);
    expect(Array.from(b)).toEqual([1, 0, 0, 1]);
  });
});
