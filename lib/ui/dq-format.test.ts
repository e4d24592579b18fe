import { describe, expect, it } from "vitest";
import { cellText, compactJson, formatObservedValue, formatPercent, formatShare, sampleColumns } from "./dq-format.ts";

describe("data-quality formatting", () => {
  it("formats percents on the 0–100 scale", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(0.004)).toBe("<0.01%");
    expect(formatPercent(0.5)).toBe("0.50%");
    expect(formatPercent(2.5)).toBe("2.5%");
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(formatShare(0.025)).toBe("2.5%");
  });

  it("formats observed values by kind: counts as integers, shares as percents, text as is", () => {
    expect(formatObservedValue({ kind: "row_count_between", observedValue: 12345 })).toBe("12,345");
    expect(formatObservedValue({ kind: "in_set", observedValue: 0.9 })).toBe("90.0%");
    expect(formatObservedValue({ kind: "share_below", observedValue: 0.025 })).toBe("2.5%");
    expect(formatObservedValue({ kind: "column_exists", observedValue: 'column "x" is missing' })).toBe('column "x" is missing');
    expect(formatObservedValue({ kind: "column_exists", observedValue: true })).toBe("true");
    expect(formatObservedValue({ kind: "not_null", observedValue: null })).toBe("—");
  });

  it("lists sample columns in first-seen order and renders values as text", () => {
    expect(sampleColumns([{ a: 1, b: 2 }, { b: 3, c: 4 }])).toEqual(["a", "b", "c"]);
    expect(cellText(null)).toBe("");
    expect(cellText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(cellText({ x: [1] })).toBe('{"x":[1]}');
    expect(compactJson({ a: "b" })).toBe('{"a":"b"}');
  });
});
