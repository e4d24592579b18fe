import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { stratifiedSplit } from "./stratified-split.ts";

function labels(n: number, positiveRate: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => (random() < positiveRate ? 1 : 0));
}

const positives = (y: Uint8Array, rows: Uint32Array) => rows.reduce((s, i) => s + y[i], 0);

describe("stratifiedSplit", () => {
  it("gives each set its share of every class to within one row", () => {
    const y = labels(10_007, 0.13, 1);
    const p = y.reduce((s, v) => s + v, 0);
    const n = y.length;
    const { train, validation, test } = stratifiedSplit(y, { testShare: 0.2, validationShare: 0.25, seed: 5 });
    expect(Math.abs(positives(y, test) - 0.2 * p)).toBeLessThanOrEqual(1);
    expect(Math.abs(test.length - positives(y, test) - 0.2 * (n - p))).toBeLessThanOrEqual(1);
    const pRest = p - positives(y, test);
    const nRest = n - p - (test.length - positives(y, test));
    expect(Math.abs(positives(y, validation) - 0.25 * pRest)).toBeLessThanOrEqual(1);
    expect(Math.abs(validation.length - positives(y, validation) - 0.25 * nRest)).toBeLessThanOrEqual(1);
    expect(train.length + validation.length + test.length).toBe(n);
  });

  it("defaults to an 80/20 split with no validation rows", () => {
    const y = labels(1000, 0.3, 2);
    const { train, validation, test } = stratifiedSplit(y);
    expect(validation.length).toBe(0);
    expect(Math.abs(test.length - 200)).toBeLessThanOrEqual(1);
    expect(train.length + test.length).toBe(1000);
  });

  it("is disjoint, complete and sorted", () => {
    const y = labels(3000, 0.2, 3);
    const { train, validation, test } = stratifiedSplit(y, { validationShare: 0.2 });
    const all = [...train, ...validation, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    for (const rows of [train, validation, test]) {
      for (let k = 1; k < rows.length; k++) expect(rows[k]).toBeGreaterThan(rows[k - 1]);
    }
  });

  it("gives the same split for the same seed and a different one for another seed", () => {
    const y = labels(2000, 0.4, 4);
    const a = stratifiedSplit(y, { seed: 11 });
    const b = stratifiedSplit(y, { seed: 11 });
    const c = stratifiedSplit(y, { seed: 12 });
    expect(Array.from(b.test)).toEqual(Array.from(a.test));
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
  });

  it("throws a RangeError on a non-binary label or a bad share", () => {
    expect(() => stratifiedSplit(Uint8Array.from([0, 2]))).toThrow(RangeError);
    expect(() => stratifiedSplit(Uint8Array.from([0, 1]), { testShare: -0.1 })).toThrow(RangeError);
  });
});
