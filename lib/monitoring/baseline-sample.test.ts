import { describe, expect, it } from "vitest";
import { baselineSampleRows, sampleFraction } from "./baseline-sample.ts";

describe("baselineSampleRows", () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => String(1000 + i));

  it("keeps about share × rows, and exactly the same rows whatever their order", () => {
    const rows = baselineSampleRows(ids, undefined, 0.2);
    // Binomial(10000, 0.2): sd 40, so ±200 is 5 sd.
    expect(Math.abs(rows.length - 2000)).toBeLessThan(200);
    const reversed = [...ids].reverse();
    const again = baselineSampleRows(reversed, undefined, 0.2).map((i) => reversed[i]).sort();
    expect(again).toEqual(rows.map((i) => ids[i]).sort());
  });

  it("depends on the as-of day, so another day of the same users is another sample", () => {
    const a = baselineSampleRows(ids, new Float64Array(ids.length).fill(20_000), 0.2);
    const b = baselineSampleRows(ids, new Float64Array(ids.length).fill(20_001), 0.2);
    expect(a).not.toEqual(b);
  });

  it("is nested: a larger share keeps every row of a smaller one", () => {
    const small = new Set(baselineSampleRows(ids, undefined, 0.1));
    const large = new Set(baselineSampleRows(ids, undefined, 0.3));
    for (const i of small) expect(large.has(i)).toBe(true);
  });

  it("keeps every row at share 1 and refuses shares outside (0, 1]", () => {
    expect(baselineSampleRows(["a", "b"], undefined, 1)).toEqual([0, 1]);
    expect(() => baselineSampleRows(ids, undefined, 0)).toThrow(/share must be in \(0, 1\]/);
    expect(() => baselineSampleRows(ids, undefined, 1.5)).toThrow(RangeError);
  });

  it("reads the first 48 bits of sha256(\"<id>|<day>\")", () => {
    // Reference: python3 -c 'import hashlib; print(int(hashlib.sha256(b"42|20000").hexdigest()[:12], 16) / 2**48)'
    expect(sampleFraction("42", 20_000)).toBeCloseTo(0.570747715637868, 14); // 0x921c85b4ee6d / 2^48
  });
});
