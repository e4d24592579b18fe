import { describe, expect, it } from "vitest";
import { selectDriftTest } from "./select-drift-test.ts";

describe("selectDriftTest", () => {
  it("picks p-value tests for references of at most 1000 rows (Evidently's defaults)", () => {
    expect(selectDriftTest("numeric", 1000, 6, 1000)).toBe("ks");
    expect(selectDriftTest("numeric", 1000, 5, 1000)).toBe("chi_square");
    expect(selectDriftTest("numeric", 1000, 3, 1000)).toBe("chi_square");
    expect(selectDriftTest("numeric", 1000, 2, 1000)).toBe("z_test");
    expect(selectDriftTest("categorical", 10, 40, 1000)).toBe("chi_square");
    expect(selectDriftTest("categorical", 10, 2, 1000)).toBe("z_test");
    expect(selectDriftTest("categorical", 10, 1, 1000)).toBe("z_test");
  });

  it("picks distance tests above 1000 rows", () => {
    expect(selectDriftTest("numeric", 1001, 6, 1000)).toBe("wasserstein_normed");
    expect(selectDriftTest("numeric", 1001, 5, 1000)).toBe("jensen_shannon");
    expect(selectDriftTest("numeric", 1001, 2, 1000)).toBe("jensen_shannon");
    expect(selectDriftTest("categorical", 5000, 40, 1000)).toBe("jensen_shannon");
    expect(selectDriftTest("categorical", 5000, 2, 1000)).toBe("jensen_shannon");
  });

  it("moves the boundary with smallReferenceRows", () => {
    expect(selectDriftTest("numeric", 500, 100, 200)).toBe("wasserstein_normed");
  });
});
