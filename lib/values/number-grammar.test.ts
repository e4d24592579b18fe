import { describe, expect, it } from "vitest";
import { integerFits, isNumberText, parseFiniteNumber, parseIntegerText } from "./number-grammar.ts";

describe("parseFiniteNumber", () => {
  it("reads decimal text, exponents and zeros", () => {
    expect(parseFiniteNumber("36.607611756862205")).toBe(36.607611756862205);
    expect(parseFiniteNumber("-1e-3")).toBe(-0.001);
    expect(parseFiniteNumber(".5")).toBe(0.5);
    expect(parseFiniteNumber("0e999")).toBe(0); // zero in any notation is zero, not an underflow
    expect(parseFiniteNumber("1.7e308")).toBe(1.7e308);
  });
  it("refuses what float8 input refuses: overflow and underflow, as well as NaN, Infinity and other shapes", () => {
    // PostgreSQL 15: SELECT '1e400'::float8 and SELECT '1e-400'::float8 both raise "is out of range".
    for (const v of ["1e400", "-1e400", "1e-400", "1.8e308", "NaN", "Infinity", "-Infinity", "1,5", "0x10", "1.2.3", " 1", ""]) {
      expect(parseFiniteNumber(v), v).toBeNull();
      expect(isNumberText(v), v).toBe(false);
    }
  });
});

describe("integerFits", () => {
  it("accepts integers (also written 54018.0) inside the SQL type's range", () => {
    expect(parseIntegerText("54018.0")).toBe(54018n);
    expect(integerFits("999999999999999999")).toBe(true); // 18 digits
    expect(integerFits("32767", "smallint")).toBe(true);
  });
  it("refuses a 20-digit id, a fraction and values outside a smaller type", () => {
    expect(integerFits("12345678901234567890")).toBe(false);
    expect(integerFits("1.5")).toBe(false);
    expect(integerFits("32768", "smallint")).toBe(false);
    expect(integerFits("2147483648", "integer")).toBe(false);
  });
});
