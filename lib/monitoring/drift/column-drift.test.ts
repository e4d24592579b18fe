import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../ml/random.ts";
import { closeTo, driftReference, relativelyClose } from "./__fixtures__/drift-reference.ts";
import { columnDrift } from "./column-drift.ts";
import { PSI_MIN_ROWS } from "../config.ts";
import { OTHER_CATEGORIES_LABEL } from "./histogram.ts";
import type { ColumnValues } from "./types.ts";

const numeric = (values: ArrayLike<number>, name = "x"): ColumnValues => ({ name, kind: "numeric", values: Float64Array.from(values) });
const categorical = (values: readonly (string | null)[], name = "c"): ColumnValues => ({ name, kind: "categorical", values });

/** n normal-ish draws (sum of 4 uniforms, centred), seeded. */
function draws(n: number, seed: number, scale = 1, shift = 0): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (random() + random() + random() + random() - 2) * scale + shift);
}

describe("columnDrift", () => {
  it("runs KS on small numeric references and normed Wasserstein on large ones, matching the reference values", () => {
    for (const c of driftReference.numeric) {
      const result = columnDrift(numeric(c.reference), numeric(c.current));
      expect(closeTo(result.psi!, c.psi_10_quantile_bins, 1e-9)).toBe(true);
      if (c.reference.length <= 1000) {
        expect(result.test).toBe("ks");
        expect(closeTo(result.statistic, c.ks_statistic, 1e-9)).toBe(true);
        expect(relativelyClose(result.pValue!, c.ks_pvalue, 1e-6)).toBe(true);
        expect(result.drifted).toBe(c.ks_pvalue < 0.05);
        expect(result.threshold).toBe(0.05);
      } else {
        expect(result.test).toBe("wasserstein_normed");
        expect(closeTo(result.statistic, c.wasserstein_normed, 1e-9)).toBe(true);
        expect(result.pValue).toBeNull();
        expect(result.drifted).toBe(c.wasserstein_normed >= 0.1);
        expect(result.threshold).toBe(0.1);
      }
    }
  });

  it("runs chi-square on small categorical references and Jensen–Shannon on large ones", () => {
    const [small, , large] = driftReference.categorical;
    const chi = columnDrift(categorical(small.reference), categorical(small.current));
    expect(chi.test).toBe("chi_square");
    expect(closeTo(chi.statistic, small.chi2_statistic, 1e-9)).toBe(true);
    expect(relativelyClose(chi.pValue!, small.chi2_pvalue, 1e-6)).toBe(true);
    expect(chi.drifted).toBe(true);
    expect(chi.psi).toBeNull();
    expect(chi.psiStatus).toBeNull();

    const js = columnDrift(categorical(large.reference), categorical(large.current));
    expect(js.test).toBe("jensen_shannon");
    expect(closeTo(js.statistic, large.jensenshannon_base2, 1e-9)).toBe(true);
    expect(js.drifted).toBe(true);
    expect(js.newCategories).toEqual(["d"]);
  });

  it("runs the z-test on binary columns with a small reference, numeric or categorical", () => {
    for (const c of driftReference.binary) {
      const asNumbers = columnDrift(numeric(c.reference), numeric(c.current));
      expect(asNumbers.test).toBe("z_test");
      expect(closeTo(asNumbers.statistic, c.z, 1e-9)).toBe(true);
      expect(relativelyClose(asNumbers.pValue!, c.pvalue_two_sided, 1e-9)).toBe(true);
      expect(asNumbers.drifted).toBe(c.pvalue_two_sided < 0.05);
      // A 0/1 flag is still a numeric column: it gets a PSI, and a per-value histogram.
      expect(asNumbers.psi).not.toBeNull();
      expect(asNumbers.histogram).toMatchObject({ kind: "categorical", categories: ["0", "1"] });

      const asLabels = columnDrift(categorical(c.reference.map(String)), categorical(c.current.map(String)));
      expect(asLabels.test).toBe("z_test");
      expect(asLabels.statistic).toBe(asNumbers.statistic);
    }
  });

  it("treats a numeric column with at most 5 distinct values as categories", () => {
    const ref = Float64Array.from({ length: 600 }, (_, i) => i % 5);
    const cur = Float64Array.from({ length: 400 }, (_, i) => (i % 7 < 2 ? 0 : i % 5));
    const small = columnDrift(numeric(ref), numeric(cur));
    expect(small.test).toBe("chi_square");
    expect(small.histogram).toMatchObject({ kind: "categorical", categories: ["0", "1", "2", "3", "4"] });
    const big = columnDrift(numeric(ref), numeric(cur), { smallReferenceRows: 100 });
    expect(big.test).toBe("jensen_shannon");
    // Six distinct values is continuous again.
    const six = Float64Array.from({ length: 600 }, (_, i) => i % 6);
    expect(columnDrift(numeric(six), numeric(six)).test).toBe("ks");
  });

  it("drops missing values before testing and counts them", () => {
    const [c] = driftReference.numeric;
    const withGaps = [...c.reference, Number.NaN, Number.NaN, Infinity];
    const result = columnDrift(numeric(withGaps), numeric([...c.current, Number.NaN]));
    expect(result).toMatchObject({ referenceRows: 203, currentRows: 151, missingReference: 3, missingCurrent: 1 });
    expect(closeTo(result.statistic, c.ks_statistic, 1e-9)).toBe(true);

    const [cat] = driftReference.categorical;
    const catResult = columnDrift(categorical([null, ...cat.reference]), categorical([...cat.current, null, null]));
    expect(catResult).toMatchObject({ missingReference: 1, missingCurrent: 2, currentRows: cat.current.length + 2 });
    expect(closeTo(catResult.statistic, cat.chi2_statistic, 1e-9)).toBe(true);
  });

  it("decides small vs large on the non-missing reference rows", () => {
    const ref = [...draws(1000, 1), ...new Array<number>(500).fill(Number.NaN)];
    expect(columnDrift(numeric(ref), numeric(draws(800, 2))).test).toBe("ks");
  });

  it("flags a column multiplied by 50 (drift, PSI fail) and not an independent draw of the same distribution", () => {
    const reference = draws(5000, 3);
    const shifted = draws(5000, 4).map((x) => x * 50);
    const moved = columnDrift(numeric(reference), numeric(shifted));
    expect(moved.test).toBe("wasserstein_normed");
    expect(moved.drifted).toBe(true);
    expect(moved.psiStatus).toBe("fail");
    const movedSmall = columnDrift(numeric(reference.subarray(0, 500)), numeric(shifted.subarray(0, 500)));
    expect(movedSmall.test).toBe("ks");
    expect(movedSmall.drifted).toBe(true);
    expect(movedSmall.psiStatus).toBe("fail");

    const same = columnDrift(numeric(reference), numeric(draws(5000, 5)));
    expect(same.drifted).toBe(false);
    expect(same.psiStatus).toBe("pass");
  });

  it("does not drift on identical samples", () => {
    const values = draws(3000, 6);
    for (const [ref, cur] of [
      [values, values],
      [values.subarray(0, 400), values.subarray(0, 400)],
    ]) {
      const result = columnDrift(numeric(ref), numeric(cur));
      expect(result.statistic).toBe(0);
      expect(result.drifted).toBe(false);
      expect(result.psi).toBe(0);
      expect(result.psiStatus).toBe("pass");
    }
    const labels = Array.from({ length: 700 }, (_, i) => `k${i % 9}`);
    const cat = columnDrift(categorical(labels), categorical(labels));
    expect(cat).toMatchObject({ test: "chi_square", statistic: 0, pValue: 1, drifted: false });
  });

  it("makes a chi-square column drift when the current sample has a category the reference never had", () => {
    const reference = Array.from({ length: 300 }, (_, i) => ["a", "b", "c"][i % 3]);
    const current = [...reference, "new"];
    const result = columnDrift(categorical(reference), categorical(current));
    expect(result.test).toBe("chi_square");
    expect(result.pValue).toBe(1); // a, b, c keep their shares exactly
    expect(result.drifted).toBe(true); // Evidently: expected 0 for "new" → p = 0
    expect(result.newCategories).toEqual(["new"]);
  });

  it("returns plain JSON: finite edges, shares that sum to 1, at most 20 categories plus (other)", () => {
    const result = columnDrift(numeric(draws(2000, 7)), numeric(draws(1500, 8, 2, 1)));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    if (result.histogram.kind !== "numeric") throw new Error("expected a numeric histogram");
    expect(result.histogram.edges).toHaveLength(21);
    expect(result.histogram.edges.every(Number.isFinite)).toBe(true);
    expect(result.histogram.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(result.histogram.current.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);

    const many = Array.from({ length: 3000 }, (_, i) => `c${i % 30}`);
    const cat = columnDrift(categorical(many), categorical(many.slice(0, 2000)));
    if (cat.histogram.kind !== "categorical") throw new Error("expected a categorical histogram");
    expect(cat.histogram.categories).toHaveLength(21);
    expect(cat.histogram.categories[20]).toBe(OTHER_CATEGORIES_LABEL);
    expect(cat.histogram.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("honours custom thresholds", () => {
    const [c] = driftReference.numeric; // KS p 0.88, PSI 0.057
    const result = columnDrift(numeric(c.reference), numeric(c.current), { pThreshold: 0.9, psiWarn: 0.05, psiFail: 0.06 });
    expect(result.drifted).toBe(true);
    expect(result.psiStatus).toBe("warn");
  });

  it("rejects columns that differ in name or kind, all-missing samples and psiWarn > psiFail", () => {
    expect(() => columnDrift(numeric([1], "a"), numeric([1], "b"))).toThrow(RangeError);
    expect(() => columnDrift(numeric([1], "a"), categorical(["1"], "a"))).toThrow(RangeError);
    expect(() => columnDrift(numeric([1, 2]), numeric([Number.NaN]))).toThrow("no non-missing values in the current sample");
    expect(() => columnDrift(categorical([null]), categorical(["a"]))).toThrow("reference sample");
    expect(() => columnDrift(numeric([1, 2]), numeric([1, 2]), { psiWarn: 0.3 })).toThrow(RangeError);
  });

  it("gives PSI a verdict only with PSI_MIN_ROWS values on both sides (below, the number is reported without a status)", () => {
    const rnd = mulberry32(3);
    const ref = numeric(Array.from({ length: 2000 }, () => rnd()));
    const fewShifted = numeric(Array.from({ length: PSI_MIN_ROWS - 1 }, () => rnd() + 5));
    const small = columnDrift(ref, fewShifted);
    expect(small.psi).toBeGreaterThan(1);
    expect(small.psiStatus).toBeNull();
    const enough = columnDrift(ref, numeric(Array.from({ length: PSI_MIN_ROWS }, () => rnd() + 5)));
    expect(enough.psiStatus).toBe("fail");
  });
});

