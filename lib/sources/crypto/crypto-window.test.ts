import { describe, expect, it } from "vitest";
import { addDays, cryptoWindow, daysToGenerate } from "./crypto-window.ts";

describe("cryptoWindow", () => {
  it("spans five days ending on the as-of day, across a month end", () => {
    expect(cryptoWindow("2026-03-02")).toEqual({ start: "2026-02-26", end: "2026-03-02", days: ["2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"] });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});

describe("daysToGenerate", () => {
  const w = cryptoWindow("2026-03-10");
  it("generates the whole window on an empty history", () => {
    expect(daysToGenerate(w, null)).toEqual(w.days);
  });
  it("only appends days after the newest batch (forward-only)", () => {
    expect(daysToGenerate(w, "2026-03-08")).toEqual(["2026-03-09", "2026-03-10"]);
    expect(daysToGenerate(w, "2026-03-10")).toEqual([]);
  });
  it("never back-fills a day before the newest batch, even a missing one", () => {
    expect(daysToGenerate(cryptoWindow("2026-03-05"), "2026-03-10")).toEqual([]);
  });
});
