import type { Matrix } from "../types.ts";
import { addTimesVector, addTransposeTimes, nonZeroColumns } from "./dense-kernels.ts";

/** Rows per block: 1,024 rows × 31 columns of float64 is 254 KB, which stays in a 512 KB L2 between the two reads. */
const BLOCK_ROWS = 1024;

/** Where a sweep writes; the arrays are n long except gradient (cols + 1). */
export interface SweepOutput {
  /** dz = direction[0] + x·direction[1..], kept so a rejected step can be retried without another pass */
  dz: Float64Array;
  /** margins z + step·dz */
  z: Float64Array;
  /** per-row log loss softplus(z) − y·z */
  rowLoss: Float64Array;
  /** per-row gradient residual v·(sigmoid(z) − y) */
  residual: Float64Array;
  /** x̃ᵀ residual, with x̃ = [1, x]: the loss gradient at the new margins */
  gradient: Float64Array;
}

/**
 * One pass over x that does a whole line-search trial and the next gradient: for each block of rows it forms
 * dz = Δ₀ + x·Δ, the trial margins z + step·dz, their losses and residuals, and accumulates x̃ᵀ·residual while the
 * block's columns are still in cache. The separate passes (x·Δ, then xᵀr) read the 45 MB matrix of the e-learning
 * training set twice per iteration; this reads it once, and memory bandwidth is what bounds both.
 * `base` null means z = 0 (the first evaluation, where Δ is the coefficient vector itself).
 * Returns Σ v_i·(loss_i − previous_i) when `previous` is given, else Σ v_i·loss_i. Block order is fixed, so sums
 * are reproducible bit for bit.
 */
export function fusedSweep(
  x: Matrix,
  y: Uint8Array,
  v: Float64Array,
  base: Float64Array | null,
  direction: Float64Array,
  step: number,
  previous: Float64Array | null,
  out: SweepOutput,
): number {
  const { rows, cols } = x;
  const { dz, z, rowLoss, residual, gradient } = out;
  const weights = direction.subarray(1);
  const used = nonZeroColumns(weights, cols);
  const gradientOfX = gradient.subarray(1);
  gradient.fill(0);
  let total = 0;
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const end = Math.min(rows, start + BLOCK_ROWS);
    dz.fill(direction[0]!, start, end);
    addTimesVector(x, weights, used, dz, start, end);

    let blockResidual = 0;
    for (let i = start; i < end; i++) {
      const zi = base ? base[i]! + step * dz[i]! : step * dz[i]!;
      z[i] = zi;
      const e = Math.exp(-Math.abs(zi));
      const prob = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
      const yi = y[i]!;
      const li = (zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi;
      rowLoss[i] = li;
      const ri = v[i]! * (prob - yi);
      residual[i] = ri;
      blockResidual += ri;
      total += v[i]! * (previous ? li - previous[i]! : li);
    }
    gradient[0]! += blockResidual;
    addTransposeTimes(x, residual, gradientOfX, start, end);
  }
  return total;
}
