import { describe, expect, it } from "vitest";
import { PSI_MIN_ROWS } from "../config.ts";
import { psiColumnCheck } from "./psi-check.ts";
import { psiQuantileBins } from "./psi.ts";

const ramp = (n: number, scale = 1) => Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) * scale);

describe("psiColumnCheck", () => {
  it("passes a column whose current values look like the baseline, with the PSI of psiQuantileBins", () => {
    const baseline = ramp(200);
    const current = ramp(1000, 0.2);
    const r = psiColumnCheck("x", baseline, current, 0.2)!;
    expect(r.psi).toBe(psiQuantileBins(baseline, current).psi);
    expect(r.psi).toBeLessThan(0.05);
    expect(r.status).toBe("pass");
    expect(r.histogram.kind).toBe("numeric");
  });

  it("fails a column shifted × 50 (PSI ≥ threshold) and fails at exactly the threshold", () => {
    const r = psiColumnCheck("watch_minutes", ramp(500), ramp(500, 50), 0.2)!;
    expect(r.psi).toBeGreaterThanOrEqual(0.2);
    expect(r.status).toBe("fail");
    const at = psiColumnCheck("x", ramp(500), ramp(500, 1.3), 1)!;
    expect(psiColumnCheck("x", ramp(500), ramp(500, 1.3), at.psi)!.status).toBe("fail");
  });

  it("gives no verdict with fewer than PSI_MIN_ROWS values on a side, and drops missing values first", () => {
    const baseline = Float64Array.from([...ramp(PSI_MIN_ROWS - 1), Number.NaN, Number.NaN]);
    const r = psiColumnCheck("x", baseline, ramp(500, 50), 0.2)!;
    expect(r.status).toBeNull();
    expect(r.psi).toBeGreaterThan(0.2);
    expect([r.baselineValues, r.missingBaseline]).toEqual([PSI_MIN_ROWS - 1, 2]);
  });

  it("returns null when a side has no value at all, and refuses a non-positive threshold", () => {
    expect(psiColumnCheck("x", Float64Array.of(Number.NaN), ramp(10), 0.2)).toBeNull();
    expect(() => psiColumnCheck("x", ramp(10), ramp(10), 0)).toThrow(/threshold must be a positive number/);
  });
});
