import { describe, expect, it } from "vitest";
import { FieldParseError, isIsoDate, isIsoTimestamp, parseCell, type CsvColumnSpec } from "./column-types.ts";

const spec = (type: CsvColumnSpec["type"], required = true): CsvColumnSpec => ({ name: "c", type, required, pgType: "text" });

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
  it("accepts minutes, seconds and fractions, with T or a space", () => {
    for (const t of ["2026-01-06T22:39:00", "2026-01-06 22:39", "2026-01-06T22:39:59.123456", "2024-02-29T00:00:00"]) expect(isIsoTimestamp(t), t).toBe(true);
  });
  it("rejects out-of-range parts, zones and junk", () => {
    for (const t of ["2026-01-06T24:00:00", "2026-01-06T22:60:00", "2026-01-06T22:39:60", "2026-01-06T22:39:00Z", "2026-01-06T22:39:00+01:00", "2026-01-06", "2026-02-30T00:00:00", "2026-01-06T22:39:00.", "2026-01-06X22:39:00"]) {
      expect(isIsoTimestamp(t), t).toBe(false);
    }
  });
});

describe("parseCell", () => {
  it("returns the validated text, or null for an empty optional field", () => {
    expect(parseCell("36.607611756862205", spec("number"))).toBe("36.607611756862205");
    expect(parseCell("-1e-3", spec("number"))).toBe("-1e-3");
    expect(parseCell("9007199254740993", spec("integer"))).toBe("9007199254740993"); // beyond 2^53 stays exact
    expect(parseCell("", spec("number", false))).toBeNull();
  });
  it("rejects NaN, Infinity, empty required fields and non-numbers", () => {
    for (const v of ["NaN", "Infinity", "-Infinity", "1,5", "0x10", "1.2.3", " 1"]) {
      expect(() => parseCell(v, spec("number")), v).toThrow(FieldParseError);
    }
    expect(() => parseCell("", spec("text"))).toThrow("is empty but required");
    expect(() => parseCell("54018.0", spec("integer"))).toThrow("is not an integer");
  });
});
