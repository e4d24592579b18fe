import { describe, expect, it } from "vitest";
import { expectedPrecisionAtK, precisionAtK } from "./precision-at-k.ts";
import { descendingOrder } from "./descending-order.ts";

describe("precisionAtK", () => {
  it("is the share of positives among the K highest scores", () => {
    expect(precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], 2)).toBe(0.5);
    expect(precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], 1)).toBe(1);
  });

  it("breaks ties by row order and clamps K to the rows", () => {
    // Scores tie at 0.5: rows 1 and 2 in that order, so the top 2 are rows 0 and 1.
    expect(precisionAtK([0, 0, 1], [0.9, 0.5, 0.5], 2)).toBe(0);
    expect(precisionAtK([0, 1, 1], [0.9, 0.5, 0.5], 10)).toBe(2 / 3);
  });

  it("throws a RangeError when K is not a positive integer", () => {
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 0)).toThrow(RangeError);
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 1.5)).toThrow(RangeError);
  });
});

describe("expectedPrecisionAtK", () => {
  it("is the mean probability of the top K rows", () => {
    expect(expectedPrecisionAtK([0.9, 0.1, 0.6, 0.3], 2)).toBeCloseTo(0.75, 15);
  });

  it("takes the top K by the ranking scores when given", () => {
    // Raw scores put rows 1 and 3 on top: (0.1 + 0.3) / 2.
    expect(expectedPrecisionAtK([0.9, 0.1, 0.6, 0.3], 2, [0, 5, 1, 4])).toBeCloseTo(0.2, 15);
  });
});

describe("descendingOrder", () => {
  it("sorts highest first and keeps row order within ties", () => {
    expect(Array.from(descendingOrder([0.2, 0.9, 0.2, 0.5]))).toEqual([1, 3, 0, 2]);
  });
});
