import { describe, expect, it } from "vitest";
import { trendSeries, trendTable } from "./quality-trend-data.ts";

const points = [
  { evaluatedAt: "2026-12-01T10:00:00.000Z", suite: "elearning.users", maxUnexpectedPercent: 0, status: "passed" },
  { evaluatedAt: "2026-12-01T10:00:00.000Z", suite: "elearning.events", maxUnexpectedPercent: 8.3, status: "failed" },
  { evaluatedAt: "not a date", suite: "elearning.events", maxUnexpectedPercent: 1, status: "failed" },
  { evaluatedAt: "2026-12-01T11:00:00.000Z", suite: "elearning.events", maxUnexpectedPercent: 0.5, status: "warned" },
];

describe("trendSeries", () => {
  it("keys suites by position, merges points of one time, drops unreadable times", () => {
    const s = trendSeries(points);
    expect(s.suites).toEqual(["elearning.events", "elearning.users"]);
    expect(s.rows).toEqual([
      { t: Date.UTC(2026, 11, 1, 10), s0: 8.3, s1: 0 },
      { t: Date.UTC(2026, 11, 1, 11), s0: 0.5 },
    ]);
  });
});

describe("trendTable", () => {
  it("lists every point newest first with formatted values", () => {
    const t = trendTable(points);
    expect(t.columns).toEqual(["Evaluated at", "Suite", "Status", "Worst unexpected %"]);
    expect(t.rows[0]).toEqual(["2026-12-01 11:00:00 UTC", "elearning.events", "warned", "0.50%"]);
    expect(t.rows.at(-1)).toEqual(["2026-12-01 10:00:00 UTC", "elearning.users", "passed", "0%"]);
  });
});
