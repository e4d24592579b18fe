import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parsePredictionQuery, parsePredictionQueryLenient, predictionQueryString } from "./prediction-filters.ts";

const RUN = "3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21";

describe("parsePredictionQuery", () => {
  it("reads the known keys, drops empty ones, defaults the page", () => {
    const q = parsePredictionQuery(new URLSearchParams(`dataset=table:telco&run=${RUN}&band=high&q=%20C12%20&page=&other=x`));
    expect(q).toEqual({ dataset: "table:telco", run: RUN, band: "high", q: "C12", page: 1 });
  });

  it("throws a ZodError naming a bad band or run (a 400 in the routes)", () => {
    expect(() => parsePredictionQuery({ band: "extreme" })).toThrow(ZodError);
    expect(() => parsePredictionQuery({ run: "not-a-uuid" })).toThrow(/scoring run id/);
  });
});

describe("parsePredictionQueryLenient", () => {
  it("keeps the valid filters and names the invalid ones", () => {
    const { query, issues } = parsePredictionQueryLenient({ band: "extreme", q: "42", dataset: "table:Bad Slug" });
    expect(query).toEqual({ q: "42", page: 1 });
    expect(issues.sort()).toEqual(["band: high, medium or low", "dataset: a dataset key: elearning, wallet or table:<slug>"]);
  });
});

describe("predictionQueryString", () => {
  it("leaves out empty values and page 1, and applies overrides", () => {
    expect(predictionQueryString({ dataset: "wallet", band: undefined, q: "", page: 1 })).toBe("dataset=wallet");
    expect(predictionQueryString({ dataset: "table:x", run: RUN, page: 3 }, { page: 4, band: "low" })).toBe(`dataset=table%3Ax&run=${RUN}&band=low&page=4`);
  });
});
