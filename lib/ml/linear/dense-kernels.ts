import type { Matrix } from "../types.ts";

// The two passes over the design matrix a logistic fit makes per iteration. Column-major data lets both stream
// columns (no transpose, unlike ml-matrix's x.transpose().mmul(r)). Both take columns four at a time: one read of
// r or one read–write of out serves four columns, which measured 1.3× (xᵀr) and 2–3× (xw) faster in V8 on
// 180,000 × 31 than one column per loop. Summation orders are fixed, so results are reproducible bit for bit.

/** out[j] = Σ_i x[i, j] · r[i] for every column j (that is, xᵀr). */
export function transposeTimes(x: Matrix, r: Float64Array, out: Float64Array): void {
  out.fill(0);
  addTransposeTimes(x, r, out, 0, x.rows);
}

/** out[i] = b + Σ_j x[i, j] · w[j] (that is, b + xw); columns whose weight is exactly 0 are skipped (L1 zeros). */
export function timesVector(x: Matrix, b: number, w: Float64Array, out: Float64Array): void {
  out.fill(b);
  addTimesVector(x, w, nonZeroColumns(w, x.cols), out, 0, x.rows);
}

/** The columns j < cols whose weight w[j] is not exactly 0: the products skip the others (L1 zeros). */
export function nonZeroColumns(w: Float64Array, cols: number): number[] {
  const used: number[] = [];
  for (let j = 0; j < cols; j++) if (w[j] !== 0) used.push(j);
  return used;
}

/** out[j] += Σ_i x[i, j] · r[i] over rows start ≤ i < end, for every column j (a block's share of xᵀr). */
export function addTransposeTimes(x: Matrix, r: Float64Array, out: Float64Array, start: number, end: number): void {
  const { rows, cols, data } = x;
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const a = j * rows;
    const b = a + rows;
    const c = b + rows;
    const d = c + rows;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = start; i < end; i++) {
      const ri = r[i]!;
      s0 += data[a + i]! * ri;
      s1 += data[b + i]! * ri;
      s2 += data[c + i]! * ri;
      s3 += data[d + i]! * ri;
    }
    out[j]! += s0;
    out[j + 1]! += s1;
    out[j + 2]! += s2;
    out[j + 3]! += s3;
  }
  for (; j < cols; j++) {
    const a = j * rows;
    let s = 0;
    for (let i = start; i < end; i++) s += data[a + i]! * r[i]!;
    out[j]! += s;
  }
}

/** out[i] += Σ_{j ∈ used} x[i, j] · w[j] over rows start ≤ i < end (a block's share of xw). */
export function addTimesVector(x: Matrix, w: Float64Array, used: readonly number[], out: Float64Array, start: number, end: number): void {
  const { rows, data } = x;
  let k = 0;
  for (; k + 3 < used.length; k += 4) {
    const ja = used[k]!;
    const jb = used[k + 1]!;
    const jc = used[k + 2]!;
    const jd = used[k + 3]!;
    const wa = w[ja]!;
    const wb = w[jb]!;
    const wc = w[jc]!;
    const wd = w[jd]!;
    const a = ja * rows;
    const b = jb * rows;
    const c = jc * rows;
    const d = jd * rows;
    for (let i = start; i < end; i++) out[i]! += wa * data[a + i]! + wb * data[b + i]! + wc * data[c + i]! + wd * data[d + i]!;
  }
  for (; k < used.length; k++) {
    const j = used[k]!;
    const wj = w[j]!;
    const a = j * rows;
    for (let i = start; i < end; i++) out[i]! += wj * data[a + i]!;
  }
}

/** Σ_i a[i] (four partial sums, fixed order). */
export function sum(a: Float64Array): number {
  const n = a.length;
  const tail = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < tail; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}
