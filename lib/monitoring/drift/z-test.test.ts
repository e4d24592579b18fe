import { describe, expect, it } from "vitest";
import { closeTo, driftReference, relativelyClose } from "./__fixtures__/drift-reference.ts";
import { zTestProportions } from "./z-test.ts";

const ones = (values: number[]) => values.filter((v) => v === 1).length;

describe("zTestProportions", () => {
  it("matches the pooled two-proportion z-test reference on both binary cases", () => {
    expect(driftReference.binary).toHaveLength(2);
    for (const c of driftReference.binary) {
      const result = zTestProportions(ones(c.reference), c.reference.length, ones(c.current), c.current.length);
      expect(closeTo(result.z, c.z, 1e-9)).toBe(true);
      expect(relativelyClose(result.pValue, c.pvalue_two_sided, 1e-9)).toBe(true);
    }
  });

  it("is antisymmetric in z and symmetric in p when the samples swap", () => {
    const ab = zTestProportions(30, 100, 45, 120);
    const ba = zTestProportions(45, 120, 30, 100);
    expect(ba.z).toBeCloseTo(-ab.z, 14);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
  });

  it("gives z 0 and p 1 when both samples hold one and the same value (Evidently's special case)", () => {
    expect(zTestProportions(0, 50, 0, 80)).toEqual({ z: 0, pValue: 1 });
    expect(zTestProportions(50, 50, 80, 80)).toEqual({ z: 0, pValue: 1 });
  });

  it("rejects empty samples and impossible counts", () => {
    expect(() => zTestProportions(0, 0, 1, 2)).toThrow(RangeError);
    expect(() => zTestProportions(3, 2, 1, 2)).toThrow(RangeError);
  });
});
