import { describe, expect, it } from "vitest";
import { SqlParams } from "../../quality/sql-params.ts";
import { DATE_LAYOUTS } from "../../values/date-grammar.ts";
import { PURCHASE_DATE_FORMATS } from "./crypto-contract.ts";
import { parsePurchaseDate, purchaseDateFormat, sqlPurchaseDate } from "./purchase-date.ts";

describe("parsePurchaseDate (the regex guard)", () => {
  it("reads each known layout to its day, timestamps included, and trims ASCII padding", () => {
    expect(parsePurchaseDate("2026-03-08")).toBe("2026-03-08");
    expect(parsePurchaseDate("2026-03-08 23:59:59")).toBe("2026-03-08");
    expect(parsePurchaseDate("2026-03-08T00:00:00")).toBe("2026-03-08");
    expect(parsePurchaseDate("08/03/2026")).toBe("2026-03-08"); // DD/MM/YYYY: 8 March, never 3 August
    expect(parsePurchaseDate("2026/03/08")).toBe("2026-03-08");
    expect(parsePurchaseDate("20260308")).toBe("2026-03-08");
    expect(parsePurchaseDate(" 2024-02-29\t")).toBe("2024-02-29");
    expect(purchaseDateFormat("08/03/2026")).toBe("DD/MM/YYYY");
  });

  it("refuses impossible days, unknown layouts and words instead of guessing", () => {
    const refused = [
      "2026-13-08", // month 13
      "2026-02-29", // not a leap year
      "31/02/2026", // 31 February
      "12/29/2026", // MM/DD/YYYY is not accepted: month 29 in DD/MM/YYYY
      "08.03.2026", // unknown layout
      "2026-03-08T25:00:00", // hour 25
      "2026-03-08T10:00:00Z", // a zone is not a known layout
      "2026-3-8",
      "yesterday",
      "",
      "0000-01-01", // year 0
    ];
    for (const text of refused) expect(parsePurchaseDate(text), text).toBeNull();
  });

  it("builds SQL that parses only behind each layout's bound regex", () => {
    const p = new SqlParams();
    const text = sqlPurchaseDate("r.purchase_date", p);
    expect(p.values).toEqual(PURCHASE_DATE_FORMATS.map((f) => DATE_LAYOUTS[f].re));
    expect(text.startsWith("coalesce(")).toBe(true);
    // One CASE per layout, each guarded by its own placeholder: no cast runs on text its regex did not match.
    for (const [i] of PURCHASE_DATE_FORMATS.entries()) expect(text).toContain(`~ $${i + 1} AND`);
    expect(text).not.toMatch(/to_date|::date\s*\(/);
  });
});
