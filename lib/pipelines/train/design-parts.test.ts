import { describe, expect, it } from "vitest";
import { fitPreprocessor } from "../../ml/preprocess/fit-preprocessor.ts";
import type { RawFrame } from "../../ml/types.ts";
import { designParts } from "./design-parts.ts";

const NaN_ = Number.NaN;

/** Every kind of column: numeric and date with missing values (indicators), boolean, and a categorical with a rare level. */
const frame = (): RawFrame => ({
  rows: 8,
  columns: [
    { name: "age", kind: "numeric", values: Float64Array.from([30, NaN_, 50, 40, NaN_, 20, 35, 45]) },
    { name: "plan", kind: "categorical", values: ["basic", "pro", null, "basic", "enterprise", "basic", "pro", "pro"] },
    { name: "paid", kind: "boolean", values: Float64Array.from([1, 0, 1, 1, 0, 0, 1, 0]) },
    { name: "signup", kind: "date", values: Float64Array.from([100, 200, NaN_, 150, 120, 180, 90, 60]) },
  ],
  labels: Uint8Array.from([0, 1, 0, 1, 1, 0, 0, 1]),
  entityIds: ["a", "a", "b", "b", "c", "c", "d", "d"],
  asOf: Float64Array.from([300, 310, 300, 310, 300, 310, 300, 310]),
});

describe("designParts", () => {
  const train = Uint32Array.from([0, 2, 3, 5, 6]);
  const validation = Uint32Array.from([7, 1]);
  const test = Uint32Array.from([4, 1]);
  const preprocessor = fitPreprocessor(frame(), { rows: train, minCategoryCount: 2, minCategoryShare: 0 });

  it("gives each part the matrix preprocessor.transform gives it, value for value", () => {
    const { matrices } = designParts(preprocessor, frame(), [train, validation, test], test);
    [train, validation, test].forEach((rows, p) => {
      const expected = preprocessor.transform(frame(), { rows }).matrix;
      expect(matrices[p]!.rows).toBe(expected.rows);
      expect(matrices[p]!.cols).toBe(expected.cols);
      expect(Array.from(matrices[p]!.data)).toEqual(Array.from(expected.data));
    });
  });

  it("takes the frame's columns and keeps only the rows asked for, which transform to the test matrix", () => {
    const f = frame();
    const { matrices, kept } = designParts(preprocessor, f, [train, validation, test], test);
    expect(f.columns).toEqual([]); // nothing of the full frame is held through it any more
    expect(kept.rows).toBe(2);
    expect(kept.columns.map((c) => c.name)).toEqual(["age", "plan", "paid", "signup"]);
    expect(Array.from(kept.columns[0]!.values as Float64Array)).toEqual([NaN_, NaN_]);
    expect(kept.columns[1]!.values).toEqual(["enterprise", "pro"]);
    expect(Array.from(kept.labels!)).toEqual([1, 1]);
    expect(kept.entityIds).toEqual(["c", "a"]);
    expect(Array.from(kept.asOf!)).toEqual([300, 310]);
    expect(Array.from(preprocessor.transform(kept).matrix.data)).toEqual(Array.from(matrices[2]!.data));
  });

  it("rejects a frame without a fitted feature, as transform does", () => {
    const f = frame();
    f.columns = f.columns.filter((c) => c.name !== "paid");
    expect(() => designParts(preprocessor, f, [train], test)).toThrow(/no column "paid"/);
  });
});
