import { describe, expect, it } from "vitest";
import { isIsoDate, isIsoTimestamp, matchesDateFormat } from "./date-grammar.ts";

describe("isIsoDate", () => {
  it("accepts real calendar days, including 29 February of leap years", () => {
    for (const d of ["2025-01-01", "2024-02-29", "2000-02-29", "1999-12-31"]) expect(isIsoDate(d)).toBe(true);
  });
  it("rejects impossible days and other shapes", () => {
    // 1900 is not a leap year (divisible by 100, not by 400); 2025-02-29 does not exist.
    for (const d of ["2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "20250101", "2025/01/01", "2025-01-01T00:00", ""]) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });
});

describe("isIsoTimestamp", () => {
  it("accepts seconds with T or a space", () => {
    for (const t of ["2026-01-06T22:39:00", "2026-01-06 22:39:59", "2024-02-29T00:00:00"]) expect(isIsoTimestamp(t), t).toBe(true);
  });
  it("rejects out-of-range parts, zones and junk", () => {
    for (const t of ["2026-13-45T99:00:00", "2026-01-06T24:00:00", "2026-01-06T22:60:00", "2026-01-06T22:39:60", "2026-01-06T22:39:00Z", "2026-01-06T22:39:00+01:00", "2026-01-06", "2026-02-30T00:00:00", "2026-01-06X22:39:00"]) {
      expect(isIsoTimestamp(t), t).toBe(false);
    }
  });
});

describe("matchesDateFormat", () => {
  it("applies the calendar rule to every layout", () => {
    expect(matchesDateFormat("29/02/2024", "DD/MM/YYYY")).toBe(true);
    expect(matchesDateFormat("29/02/2023", "DD/MM/YYYY")).toBe(false);
    expect(matchesDateFormat("02/29/2024", "MM/DD/YYYY")).toBe(true);
    expect(matchesDateFormat("31-12-2024", "DD-MM-YYYY")).toBe(true);
    expect(matchesDateFormat("2024/12/31", "YYYY/MM/DD")).toBe(true);
    expect(matchesDateFormat("20240131", "YYYYMMDD")).toBe(true);
    expect(matchesDateFormat("20240231", "YYYYMMDD")).toBe(false);
  });
});
