import { describe, expect, it } from "vitest";
import type { Matrix, RawFrame } from "../types.ts";
import { fitPreprocessor } from "./fit-preprocessor.ts";
import { preprocessorFromJSON } from "./preprocessor.ts";

const NaN_ = Number.NaN;

/** Column j of a column-major matrix as a plain array. */
const column = (m: Matrix, j: number) => Array.from(m.data.subarray(j * m.rows, (j + 1) * m.rows));

const expectClose = (actual: number[], expected: number[], digits = 12) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], digits));
};

const frame = (): RawFrame => ({
  rows: 6,
  columns: [
    { name: "age", kind: "numeric", values: Float64Array.from([30, NaN_, 50, 40, NaN_, 20]) },
    { name: "paid", kind: "boolean", values: Float64Array.from([1, 0, 1, 1, 0, 0]) },
    { name: "signup", kind: "date", values: Float64Array.from([100, 200, NaN_, 150, 120, 180]) },
    { name: "plan", kind: "categorical", values: ["basic", "pro", null, "basic", "enterprise", "basic"] },
  ],
  asOf: Float64Array.from([300, 300, 300, 400, 400, 400]),
});

// Small categories are allowed their own column here unless they have < 2 rows.
const smallFrameOptions = { minCategoryCount: 2, minCategoryShare: 0 };

describe("fitPreprocessor", () => {
  it("names design columns and keeps each one's source feature", () => {
    const p = fitPreprocessor(frame(), smallFrameOptions);
    expect(p.columns).toEqual([
      { name: "age", source: "age" },
      { name: "age__missing", source: "age" },
      { name: "paid", source: "paid" },
      { name: "signup", source: "signup" },
      { name: "signup__missing", source: "signup" },
      { name: "plan=basic", source: "plan" },
      { name: "plan=__other__", source: "plan" },
      { name: "plan=__missing__", source: "plan" },
    ]);
  });

  it("imputes the median and standardises like scikit-learn SimpleImputer → StandardScaler", () => {
    // Reference: numpy 2.4.6, t = [30,35,50,40,35,20] (nanmedian 35 filled in): (t - t.mean()) / t.std()
    //   -> [-0.5477225575051661, 0, 1.6431676725154984, 0.5477225575051661, 0, -1.6431676725154984]
    // ages = asOf − signup = [200,100,nan,250,280,220], nanmedian 220 ->
    //   [-0.20796156885780714, -1.990489301924727, 0.14854397775557682, 0.6833022976756528, 1.2180606175957287, 0.14854397775557682]
    const { matrix } = fitPreprocessor(frame(), smallFrameOptions).transform(frame());
    expect([matrix.rows, matrix.cols]).toEqual([6, 8]);
    expectClose(column(matrix, 0), [-0.5477225575051661, 0, 1.6431676725154984, 0.5477225575051661, 0, -1.6431676725154984]);
    expect(column(matrix, 1)).toEqual([0, 1, 0, 0, 1, 0]);
    expectClose(column(matrix, 2), [1, -1, 1, 1, -1, -1]);
    expectClose(column(matrix, 3), [
      -0.20796156885780714, -1.990489301924727, 0.14854397775557682, 0.6833022976756528, 1.2180606175957287,
      0.14854397775557682,
    ]);
    expect(column(matrix, 4)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("one-hot encodes with rare categories in __other__ and missing as its own category", () => {
    const { matrix } = fitPreprocessor(frame(), smallFrameOptions).transform(frame());
    expect(column(matrix, 5)).toEqual([1, 0, 0, 1, 0, 1]); // basic
    expect(column(matrix, 6)).toEqual([0, 1, 0, 0, 1, 0]); // pro, enterprise: 1 row each < 2
    expect(column(matrix, 7)).toEqual([0, 0, 1, 0, 0, 0]); // null
  });

  it("fits on the training rows only and applies those statistics to every row", () => {
    // Reference: numpy, training ages [30, nan, 50, 40]: nanmedian 40, imputed [30,40,50,40], mean 40,
    // std 7.0710678118654755; all six rows -> [-1.414213562373095, 0, 1.414213562373095, 0, 0, -2.82842712474619]
    const p = fitPreprocessor(frame(), { ...smallFrameOptions, rows: Uint32Array.from([0, 1, 2, 3]) });
    const { matrix } = p.transform(frame());
    expectClose(column(matrix, 0), [-1.414213562373095, 0, 1.414213562373095, 0, 0, -2.82842712474619]);
    // "enterprise" (row 4) was never seen in training: all zeros, not "other".
    const planColumns = p.columns.map((c, j) => [c.name, j] as const).filter(([name]) => name.startsWith("plan="));
    expect(planColumns.map(([name]) => name)).toEqual(["plan=basic", "plan=__other__", "plan=__missing__"]);
    expect(planColumns.map(([, j]) => matrix.data[j * 6 + 4])).toEqual([0, 0, 0]);
    expect(p.toJSON().trainingRows).toBe(4);
  });

  it("keeps a constant column, centred but not scaled", () => {
    const constant: RawFrame = { rows: 3, columns: [{ name: "c", kind: "numeric", values: Float64Array.from([5, 5, 5]) }] };
    const p = fitPreprocessor(constant);
    expect(p.columns).toEqual([{ name: "c", source: "c" }]);
    const scoring: RawFrame = { rows: 2, columns: [{ name: "c", kind: "numeric", values: Float64Array.from([5, 7]) }] };
    expect(Array.from(p.transform(scoring).matrix.data)).toEqual([0, 2]);
  });

  it("imputes a constant when asked and skips indicators when told to", () => {
    const p = fitPreprocessor(frame(), { ...smallFrameOptions, impute: { constant: 0 }, missingIndicators: false });
    expect(p.columns.map((c) => c.name)).not.toContain("age__missing");
    // Reference: numpy, t = [30,0,50,40,0,20]: mean 23.333…, std 18.856180831641268 -> row 1 = -1.2374368670764582
    expect(p.transform(frame()).matrix.data[1]).toBeCloseTo(-1.2374368670764582, 12);
  });

  it("groups categories below max(10 rows, 1%) by default", () => {
    // 2000 rows: the 1% share (20 rows) is the binding minimum, so "b" (19 rows) is rare and "c" (20) is kept.
    const values = [...new Array(1961).fill("a"), ...new Array(19).fill("b"), ...new Array(20).fill("c")];
    const p = fitPreprocessor({ rows: 2000, columns: [{ name: "k", kind: "categorical", values }] });
    expect(p.columns.map((c) => c.name)).toEqual(["k=a", "k=c", "k=__other__"]);
    // 200 rows: 10 rows is the binding minimum (1% = 2).
    const small = [...new Array(181).fill("a"), ...new Array(9).fill("b"), ...new Array(10).fill("c")];
    const q = fitPreprocessor({ rows: 200, columns: [{ name: "k", kind: "categorical", values: small }] });
    expect(q.columns.map((c) => c.name)).toEqual(["k=a", "k=c", "k=__other__"]);
    expect(q.schema[0]).toMatchObject({ categories: ["a", "c"], hasOther: true, missingShare: 0 });
  });

  it("describes each raw feature for the what-if form", () => {
    const p = fitPreprocessor(frame(), smallFrameOptions);
    expect(p.schema).toEqual([
      { name: "age", kind: "numeric", missingShare: 2 / 6, min: 20, max: 50, median: 35 },
      { name: "paid", kind: "boolean", missingShare: 0, min: 0, max: 1, median: 0.5 },
      { name: "signup", kind: "date", missingShare: 1 / 6, min: 100, max: 280, median: 220, unit: "days" },
      { name: "plan", kind: "categorical", missingShare: 1 / 6, categories: ["basic"], hasOther: true },
    ]);
  });

  it("round-trips through JSON and transforms identically", () => {
    const p = fitPreprocessor(frame(), smallFrameOptions);
    const q = preprocessorFromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(Array.from(q.transform(frame()).matrix.data)).toEqual(Array.from(p.transform(frame()).matrix.data));
    expect(q.columns).toEqual(p.columns);
    expect(() => preprocessorFromJSON({ ...p.toJSON(), columns: [] })).toThrow(RangeError);
  });

  it("transforms a row subset like the matching sub-frame", () => {
    const p = fitPreprocessor(frame(), smallFrameOptions);
    const subset = p.transform(frame(), { rows: Uint32Array.from([5, 2]) }).matrix;
    const all = p.transform(frame()).matrix;
    for (let j = 0; j < all.cols; j++) {
      expect([subset.data[j * 2], subset.data[j * 2 + 1]]).toEqual([all.data[j * 6 + 5], all.data[j * 6 + 2]]);
    }
  });

  it("ages dates at a reference date when the frame has no asOf, and refuses to guess", () => {
    const noAsOf: RawFrame = { rows: 2, columns: [{ name: "d", kind: "date", values: Float64Array.from([10, 20]) }] };
    expect(() => fitPreprocessor(noAsOf)).toThrow(/needs an as-of day/);
    const p = fitPreprocessor(noAsOf, { referenceDate: 30 });
    expect(p.schema[0]).toMatchObject({ min: 10, max: 20 });
    // Ages 20, 10 → mean 15, std 5.
    expect(Array.from(p.transform(noAsOf).matrix.data)).toEqual([1, -1]);
    // Scoring ten days later: ages 30, 20.
    expect(Array.from(p.transform(noAsOf, { referenceDate: 40 }).matrix.data)).toEqual([3, 1]);
  });

  it("rejects a frame without a trained feature, with another kind, or with ragged columns", () => {
    const p = fitPreprocessor(frame(), smallFrameOptions);
    const f = frame();
    expect(() => p.transform({ ...f, columns: f.columns.slice(1) })).toThrow(/no column "age"/);
    const wrongKind: RawFrame = { ...f, columns: [...f.columns.slice(0, 3), { name: "plan", kind: "numeric", values: new Float64Array(6) }] };
    expect(() => p.transform(wrongKind)).toThrow(/expects categorical/);
    const signupAsNumber = { name: "signup", kind: "numeric" as const, values: Float64Array.from([100, 200, NaN_, 150, 120, 180]) };
    const dateAsNumber: RawFrame = { ...f, columns: f.columns.map((c) => (c.name === "signup" ? signupAsNumber : c)) };
    expect(() => p.transform(dateAsNumber)).toThrow(/expects date/);
    expect(() => fitPreprocessor({ rows: 3, columns: [{ name: "x", kind: "numeric", values: new Float64Array(2) }] })).toThrow(RangeError);
    expect(() => fitPreprocessor(f, { rows: Uint32Array.from([9]) })).toThrow(RangeError);
  });
});
