import { describe, expect, it } from "vitest";
import { monitoringHref, parseMonitoringQuery } from "./monitoring-query.ts";

describe("parseMonitoringQuery", () => {
  it("keeps valid values and names invalid ones", () => {
    expect(parseMonitoringQuery({ dataset: "wallet", column: " watch minutes " })).toEqual({ query: { dataset: "wallet", column: "watch minutes" }, issues: [] });
    expect(parseMonitoringQuery({ dataset: "elearning", segment: " plan " })).toEqual({ query: { dataset: "elearning", segment: "plan" }, issues: [] });
    expect(parseMonitoringQuery({ segment: "x".repeat(301) })).toEqual({ query: {}, issues: ["segment: at most 300 characters"] });
    expect(parseMonitoringQuery({ dataset: "nope", column: ["a", "b"] })).toEqual({ query: { column: "a" }, issues: ["dataset: a dataset key: elearning, wallet or table:<slug>"] });
  });
});

describe("monitoringHref", () => {
  it("encodes the dataset and a column name with any characters", () => {
    expect(monitoringHref({})).toBe("/monitoring");
    expect(monitoringHref({ dataset: "wallet", segment: "age band" })).toBe("/monitoring?dataset=wallet&segment=age+band");
    expect(monitoringHref({ dataset: "table:telco", column: "a&b=<c>" })).toBe("/monitoring?dataset=table%3Atelco&column=a%26b%3D%3Cc%3E");
  });
});
