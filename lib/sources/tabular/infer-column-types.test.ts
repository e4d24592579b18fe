import { describe, expect, it } from "vitest";
import { guessPositive, inferColumnTypes, matchesDateFormat, suggestRoles, TargetNotBinaryError, validateTarget } from "./infer-column-types.ts";

/** Profiles one column given as a list of raw fields. */
const one = (values: string[]) => inferColumnTypes(["col"], values.map((v) => [v]))[0];

describe("inferColumnTypes", () => {
  it("reads integers, decimals written 1.0, negatives and exponents as numeric, with min and max", () => {
    const p = one(["1.0", "-2.5", "3", "", "1e3", "+4", ".5"]);
    expect(p.inferredType).toBe("numeric");
    expect(p.min).toBe(-2.5);
    expect(p.max).toBe(1000);
    expect(p.nullShare).toBeCloseTo(1 / 7, 12);
    expect(p.numericShare).toBe(1);
  });

  it("keeps 0/1 columns numeric (not boolean): they are usually the target", () => {
    const p = one(["0", "1", "1", "0"]);
    expect(p.inferredType).toBe("numeric");
    expect(p.binary).toEqual({ positive: "1", negative: "0", guessed: false, numeric: true });
  });

  it("does not take NaN, Infinity, thousands separators or currency as numbers", () => {
    for (const bad of ["NaN", "Infinity", "1,234", "$12", "1e999"]) {
      expect(one(["1", "2", bad]).inferredType, bad).not.toBe("numeric");
    }
  });

  it("reads two-valued Yes/No, True/False and Y/N case-insensitively as boolean", () => {
    expect(one(["Yes", "no", "YES", "No"])).toMatchObject({ inferredType: "boolean", booleanPair: { true: "yes", false: "no" } });
    expect(one(["True", "False", "true"])).toMatchObject({ inferredType: "boolean", booleanPair: { true: "true", false: "false" } });
    expect(one(["Y", "N", "n", ""])).toMatchObject({ inferredType: "boolean", booleanPair: { true: "y", false: "n" } });
    // A third value makes it categorical (Telco: "No internet service").
    expect(one(["Yes", "No", "No internet service", "Yes", "No", "Yes"]).inferredType).toBe("categorical");
  });

  it("recognises ISO dates, ISO timestamps and day-first dates, and rejects impossible days", () => {
    expect(one(["2024-01-31", "2024-02-29", ""])).toMatchObject({ inferredType: "date", dateFormat: "YYYY-MM-DD" });
    expect(one(["2026-01-06T22:39:00", "2026-01-07T00:00:59"])).toMatchObject({ inferredType: "date", dateFormat: "YYYY-MM-DDTHH:MI:SS" });
    expect(one(["2026-01-06 22:39:00"])).toMatchObject({ inferredType: "date", dateFormat: "YYYY-MM-DD HH:MI:SS" });
    // 31/12 only fits day-first; 12/31 only month-first; 01/02 fits both (day-first preferred, both listed).
    expect(one(["31/12/2024", "01/02/2024"])).toMatchObject({ inferredType: "date", dateFormat: "DD/MM/YYYY", dateFormats: ["DD/MM/YYYY"] });
    expect(one(["12/31/2024", "01/02/2024"])).toMatchObject({ inferredType: "date", dateFormat: "MM/DD/YYYY" });
    expect(one(["01/02/2024"]).dateFormats).toEqual(["DD/MM/YYYY", "MM/DD/YYYY"]);
    expect(one(["2023-02-29", "2024-01-01"]).inferredType).not.toBe("date");
    expect(one(["2024-13-01"]).inferredType).not.toBe("date");
  });

  it("tells categoricals (few repeating values) from free text", () => {
    const plans = Array.from({ length: 200 }, (_, i) => ["basic", "premium", "Fiber optic", "DSL"][i % 4]);
    expect(one(plans)).toMatchObject({ inferredType: "categorical", distinctCount: 4, categories: ["DSL", "Fiber optic", "basic", "premium"] });
    const names = Array.from({ length: 200 }, (_, i) => `Customer number ${i} says hello`);
    expect(one(names).inferredType).toBe("text");
    // 60 distinct values over 2,000 rows: more than 50 but only 3% distinct -> categorical.
    const cities = Array.from({ length: 2000 }, (_, i) => `city-${i % 60}`);
    expect(one(cities).inferredType).toBe("categorical");
    // A small sample where every value differs is text, even with fewer than 50 values.
    expect(one(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]).inferredType).toBe("text");
  });

  it("keeps up to 5 distinct examples in order of appearance and the null share", () => {
    const p = one(["a", "b", "a", "", "c", "d", "e", "f", " "]);
    expect(p.examples).toEqual(["a", "b", "c", "d", "e"]);
    expect(p.nullShare).toBeCloseTo(2 / 9, 12);
  });

  it("profiles an all-empty column as text with null share 1", () => {
    expect(one(["", "", " "])).toMatchObject({ inferredType: "text", nullShare: 1, nonEmpty: 0 });
  });

  it("trims header names and treats missing trailing fields as empty", () => {
    const [a, b] = inferColumnTypes([" id ", "x"], [["1", "2"], ["2"]]);
    expect(a.name).toBe("id");
    expect(b.nullShare).toBe(0.5);
  });
});

describe("validateTarget", () => {
  it("accepts 0/1 (also written 1.0/0.0) with 1 as churn", () => {
    expect(validateTarget(one(["1.0", "0.0", "1", "0"]))).toMatchObject({ positive: "1.0", negative: "0.0", guessed: false, numeric: true });
  });

  it("maps Yes/No and True/False with the true side as churn", () => {
    expect(validateTarget(one(["No", "Yes", "no"]))).toMatchObject({ positive: "Yes", negative: "No", guessed: false });
    expect(validateTarget(one(["False", "True"]))).toMatchObject({ positive: "True", negative: "False", guessed: false });
  });

  it("maps churned/retained and Attrited/Existing Customer by their words", () => {
    expect(validateTarget(one(["retained", "churned", "retained"]))).toMatchObject({ positive: "churned", negative: "retained", guessed: false });
    expect(validateTarget(one(["Existing Customer", "Attrited Customer"]))).toMatchObject({ positive: "Attrited Customer", guessed: false });
    expect(guessPositive("not churned", "churned")).toMatchObject({ positive: "churned", guessed: false });
  });

  it("flags a guess when the words say nothing, and lets the user choose the churn value", () => {
    expect(validateTarget(one(["A", "B", "A"]))).toMatchObject({ positive: "B", negative: "A", guessed: true });
    expect(validateTarget(one(["A", "B", "A"]), "a")).toMatchObject({ positive: "A", negative: "B", guessed: false });
    expect(() => validateTarget(one(["A", "B"]), "C")).toThrow(/"C" is not a value of the target column/);
  });

  it("rejects a target with three values, naming them", () => {
    expect(() => validateTarget(one(["0", "1", "2", "1"]))).toThrow(TargetNotBinaryError);
    expect(() => validateTarget(one(["yes", "no", "maybe"]))).toThrow(/must be binary.*3 distinct value\(s\) \("maybe", "no", "yes"\)/);
  });

  it("rejects a constant or empty target", () => {
    expect(() => validateTarget(one(["1", "1", "1"]))).toThrow(/must be binary/);
    expect(() => validateTarget(one(["", ""]))).toThrow(/empty in every sampled row/);
  });
});

describe("suggestRoles", () => {
  it("suggests a unique id-named column and a binary churn-named column", () => {
    const header = ["RowNumber", "CustomerId", "Gender", "Exited"];
    const rows = Array.from({ length: 40 }, (_, i) => [String(i + 1), String(15600000 + i), i % 2 ? "Male" : "Female", String(i % 3 === 0 ? 1 : 0)]);
    expect(suggestRoles(inferColumnTypes(header, rows))).toEqual({ idColumn: "CustomerId", targetColumn: "Exited" });
  });
});

describe("matchesDateFormat", () => {
  it("checks calendar days including leap years", () => {
    expect(matchesDateFormat("29/02/2024", "DD/MM/YYYY")).toBe(true);
    expect(matchesDateFormat("29/02/2023", "DD/MM/YYYY")).toBe(false);
    expect(matchesDateFormat("2024-04-31", "YYYY-MM-DD")).toBe(false);
    expect(matchesDateFormat("2024-01-01T24:00:00", "YYYY-MM-DDTHH:MI:SS")).toBe(false);
    expect(matchesDateFormat("20240131", "YYYYMMDD")).toBe(true);
  });
});
