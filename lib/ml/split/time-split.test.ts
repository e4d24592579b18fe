import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { timeSplit } from "./time-split.ts";

/** 50 distinct days (100..149), several rows per day, rows in shuffled date order. */
function panel(): Float64Array {
  const random = mulberry32(3);
  const dates: number[] = [];
  for (let d = 100; d < 150; d++) for (let r = 0; r < 1 + (d % 4); r++) dates.push(d);
  for (let i = dates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [dates[i], dates[j]] = [dates[j], dates[i]];
  }
  return Float64Array.from(dates);
}

const datesOf = (asOf: Float64Array, rows: Uint32Array) => [...new Set(Array.from(rows, (i) => asOf[i]))].sort((a, b) => a - b);

describe("timeSplit", () => {
  it("puts the last 20% of distinct dates in test and 20% of the earlier dates in validation", () => {
    const asOf = panel();
    const split = timeSplit(asOf);
    // 50 dates: test = round(0.2·50) = 10 dates (140–149); validation = round(0.2·40) = 8 dates (132–139).
    expect(datesOf(asOf, split.test)).toEqual(Array.from({ length: 10 }, (_, k) => 140 + k));
    expect(datesOf(asOf, split.validation)).toEqual(Array.from({ length: 8 }, (_, k) => 132 + k));
    expect(datesOf(asOf, split.train)).toEqual(Array.from({ length: 32 }, (_, k) => 100 + k));
  });

  it("is disjoint, complete and sorted", () => {
    const asOf = panel();
    const { train, validation, test } = timeSplit(asOf);
    const all = [...train, ...validation, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: asOf.length }, (_, i) => i));
    for (const rows of [train, validation, test]) {
      for (let k = 1; k < rows.length; k++) expect(rows[k]).toBeGreaterThan(rows[k - 1]);
    }
  });

  it("never lets a training or validation date reach into a later set", () => {
    const asOf = panel();
    const { train, validation, test } = timeSplit(asOf, { testShare: 0.3, validationShare: 0.1 });
    const max = (rows: Uint32Array) => Math.max(...Array.from(rows, (i) => asOf[i]));
    const min = (rows: Uint32Array) => Math.min(...Array.from(rows, (i) => asOf[i]));
    expect(max(train)).toBeLessThan(min(validation));
    expect(max(validation)).toBeLessThan(min(test));
  });

  it("supports no validation slice and a label-horizon gap", () => {
    const asOf = panel();
    const plain = timeSplit(asOf, { validationShare: 0 });
    expect(plain.validation.length).toBe(0);
    expect(datesOf(asOf, plain.train).at(-1)).toBe(139);
    // Gap of 5 days before each next block: validation loses 135–139 (test starts at 140), train loses 127–131.
    const gapped = timeSplit(asOf, { gapDays: 5 });
    expect(datesOf(asOf, gapped.validation)).toEqual([132, 133, 134]);
    expect(datesOf(asOf, gapped.train).at(-1)).toBe(126);
    expect(datesOf(asOf, gapped.test)[0]).toBe(140);
  });

  it("keeps the example from the docs", () => {
    const split = timeSplit(Float64Array.from([1, 1, 2, 3, 4, 5]), { testShare: 0.2, validationShare: 0.25 });
    expect(Array.from(split.test)).toEqual([5]);
    expect(Array.from(split.validation)).toEqual([4]);
    expect(Array.from(split.train)).toEqual([0, 1, 2, 3]);
  });

  it("throws a RangeError on NaN dates, bad shares or too few dates", () => {
    expect(() => timeSplit(Float64Array.from([1, Number.NaN, 3]))).toThrow(RangeError);
    expect(() => timeSplit(Float64Array.from([1, 2, 3]), { testShare: 1 })).toThrow(RangeError);
    expect(() => timeSplit(Float64Array.from([1, 1, 2]))).toThrow(/distinct as-of dates/);
  });
});
