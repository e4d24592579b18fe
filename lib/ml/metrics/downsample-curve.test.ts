import { describe, expect, it } from "vitest";
import { downsampleCurve } from "./downsample-curve.ts";

describe("downsampleCurve", () => {
  it("returns short curves unchanged", () => {
    const out = downsampleCurve([0, 0.5, 1], [0, 0.7, 1], 200);
    expect(Array.from(out.indices)).toEqual([0, 1, 2]);
  });

  it("keeps at most maxPoints, both endpoints, and increasing indices", () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = Float64Array.from(x, (v) => Math.sqrt(v));
    const out = downsampleCurve(x, y, 200);
    expect(out.x.length).toBe(200);
    expect([out.indices[0], out.indices[199]]).toEqual([0, n - 1]);
    for (let k = 1; k < 200; k++) expect(out.indices[k]).toBeGreaterThan(out.indices[k - 1]);
  });

  it("keeps the corner of a V-shaped curve", () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => i);
    const y = Float64Array.from(x, (v) => Math.abs(v - 437));
    const out = downsampleCurve(x, y, 10);
    expect(Array.from(out.indices)).toContain(437);
  });

  it("preserves the area under a concave curve to within 1e-3", () => {
    // y = sqrt(x) on [0, 1]: exact area 2/3; 200 well-placed points leave a trapezoid error far below 1e-3.
    const n = 50_000;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = Float64Array.from(x, (v) => Math.sqrt(v));
    const out = downsampleCurve(x, y, 200);
    let area = 0;
    for (let k = 1; k < out.x.length; k++) area += ((out.x[k] - out.x[k - 1]) * (out.y[k] + out.y[k - 1])) / 2;
    expect(Math.abs(area - 2 / 3)).toBeLessThan(1e-3);
  });

  it("throws a RangeError on mismatched lengths or maxPoints < 3", () => {
    expect(() => downsampleCurve([0, 1], [0], 10)).toThrow(RangeError);
    expect(() => downsampleCurve([0, 1], [0, 1], 2)).toThrow(RangeError);
  });
});
