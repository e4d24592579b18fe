import { describe, expect, it } from "vitest";
import { FieldParseError, parseCell, type CsvColumnSpec } from "./column-types.ts";

const spec = (type: CsvColumnSpec["type"], required = true, pgType = "text"): CsvColumnSpec => ({ name: "c", type, required, pgType });

describe("parseCell", () => {
  it("returns the validated text, or null for an empty optional field", () => {
    expect(parseCell("36.607611756862205", spec("number"))).toBe("36.607611756862205");
    expect(parseCell("-1e-3", spec("number"))).toBe("-1e-3");
    expect(parseCell("9007199254740993", spec("integer"))).toBe("9007199254740993"); // beyond 2^53 stays exact
    expect(parseCell("54018.0", spec("integer"))).toBe("54018"); // ids written as floats, sent as bigint text
    expect(parseCell("\tfree\r", spec("text"))).toBe("free"); // ASCII whitespace padding is not data
    expect(parseCell("", spec("number", false))).toBeNull();
  });
  it("rejects NaN, Infinity, empty required fields and non-numbers", () => {
    for (const v of ["NaN", "Infinity", "-Infinity", "1,5", "0x10", "1.2.3"]) {
      expect(() => parseCell(v, spec("number")), v).toThrow(FieldParseError);
    }
    expect(() => parseCell("", spec("text"))).toThrow("is empty but required");
    expect(() => parseCell("54018.5", spec("integer"))).toThrow("is not an integer");
  });
  it("rejects numbers a double cannot hold and integers their column cannot hold", () => {
    expect(() => parseCell("1e400", spec("number"))).toThrow("is not a finite number");
    expect(() => parseCell("1e-400", spec("number"))).toThrow("is not a finite number");
    expect(() => parseCell("12345678901234567890", spec("integer", true, "bigint"))).toThrow("fits a bigint column");
    expect(() => parseCell("40000", spec("integer", true, "smallint"))).toThrow("fits a smallint column");
  });
});
