import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, driftReference } from "./__fixtures__/drift-reference.ts";
import { jensenShannonDistance } from "./jensen-shannon.ts";

const countsOf = (values: string[], categories: string[]) => categories.map((c) => values.filter((v) => v === c).length);

describe("jensenShannonDistance", () => {
  it("matches scipy 1.10.1 jensenshannon(base=2) on the category shares of every reference case", () => {
    expect(driftReference.categorical).toHaveLength(3);
    for (const c of driftReference.categorical) {
      // Union of categories: the third case's "d" is a 0 on the reference side.
      const distance = jensenShannonDistance(countsOf(c.reference, c.categories), countsOf(c.current, c.categories));
      expect(closeTo(distance, c.jensenshannon_base2, 1e-9)).toBe(true);
    }
  });

  it("matches scipy with zeros on either side, identical inputs and disjoint ones", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 distance.jensenshannon(p, q, base=2).
    for (const c of driftExtra.jensenshannon) expect(closeTo(jensenShannonDistance(c.p, c.q), c.distance, 1e-12)).toBe(true);
  });

  it("does not depend on the scale of the counts", () => {
    expect(jensenShannonDistance([1, 2, 3], [3, 2, 1])).toBeCloseTo(jensenShannonDistance([10, 20, 30], [0.3, 0.2, 0.1]), 14);
  });

  it("rejects mismatched lengths, negative values and an all-zero side", () => {
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => jensenShannonDistance([1, -1], [1, 2])).toThrow(RangeError);
    expect(() => jensenShannonDistance([0, 0], [1, 2])).toThrow(RangeError);
  });
});
