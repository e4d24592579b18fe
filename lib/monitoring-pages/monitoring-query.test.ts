import { describe, expect, it } from "vitest";
import { monitoringHref, parseMonitoringQuery } from "./monitoring-query.ts";

describe("parseMonitoringQuery", () => {
  it("keeps valid values and names invalid ones", () => {
    expect(parseMonitoringQuery({ dataset: "wallet", column: " watch minutes " })).toEqual({ query: { dataset: "wallet", column: "watch minutes" }, issues: [] });
    expect(parseMonitoringQuery({ dataset: "nope", column: ["a", "b"] })).toEqual({ query: { column: "a" }, issues: ["dataset: a dataset key: elearning, wallet or table:<slug>"] });
  });
});

describe("monitoringHref", () => {
  it("encodes the dataset and a column name with any characters", () => {
    expect(monitoringHref({})).toBe("/monitoring");
    expect(monitoringHref({ dataset: "table:telco", column: "a&b=<c>" })).toBe("/monitoring?dataset=table%3Atelco&column=a%26b%3D%3Cc%3E");
  });
});
