import { describe, expect, it } from "vitest";
import { checkWellFormed } from "./__fixtures__/html-well-formed.ts";
import { histogramSvg, niceCeiling } from "./histogram-svg.ts";
import { formatCount, formatNumber, formatPercent } from "./format-number.ts";

const options = { id: "c0", column: "minutes", referenceLabel: "training", currentLabel: "today" };
const rects = (svg: string) => [...svg.matchAll(/<rect class="(bar-ref|bar-cur)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)">/g)];

describe("histogramSvg", () => {
  it("draws two bars per bin, each its series' share, against a round top tick", () => {
    // Reference shares 0.25 / 0.75, current 0.5 / 0.5 (counts differ in scale: shares are what is compared).
    const svg = histogramSvg({ kind: "numeric", edges: [0, 10, 20], reference: [1, 3], current: [50, 50] }, options);
    const bars = rects(svg);
    expect(bars.map((b) => b[1])).toEqual(["bar-ref", "bar-cur", "bar-ref", "bar-cur"]);
    // Top tick niceCeiling(0.75) = 1 (100%); plot height 170, so heights are share · 170.
    expect(bars.map((b) => Number(b[5]))).toEqual([42.5, 85, 127.5, 85]);
    expect(svg).toContain(">100%</text>");
    expect(svg).toContain("<title>training, 0 to 10: 25.0%</title>");
  });

  it("labels both axes, has a legend for both series, and is well-formed", () => {
    const svg = histogramSvg({ kind: "categorical", categories: ["free", "pro"], reference: [3, 1], current: [1, 1] }, options);
    expect(svg).toContain(">minutes</text>");
    expect(svg).toContain(">share of rows</text>");
    expect(svg).toMatch(/<g class="legend"><rect class="bar-ref"[^>]*\/><text[^>]*>training<\/text><rect class="bar-cur"[^>]*\/><text[^>]*>today<\/text><\/g>/);
    expect(svg).toContain(">free</text>");
    expect(checkWellFormed(`<!doctype html>${svg}`).errors).toEqual([]);
  });

  it("thins numeric edge labels to at most five, evenly spread, first and last included", () => {
    const edges = Array.from({ length: 21 }, (_, i) => i * 5);
    const svg = histogramSvg({ kind: "numeric", edges, reference: Array(20).fill(1), current: Array(20).fill(2) }, options);
    const labels = [...svg.matchAll(/<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(["0", "25", "50", "75", "100"]);
    const ten = histogramSvg({ kind: "numeric", edges: edges.slice(0, 11), reference: Array(10).fill(1), current: Array(10).fill(1) }, options);
    expect([...ten.matchAll(/<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(["0", "15", "25", "40", "50"]);
  });

  it("cuts long category names (full name in the tooltip) and rotates them when there are many", () => {
    const categories = Array.from({ length: 8 }, (_, i) => `a-very-long-category-${i}`);
    const svg = histogramSvg({ kind: "categorical", categories, reference: Array(8).fill(1), current: Array(8).fill(1) }, options);
    expect(svg).toContain(">a-very-long-c…</text>");
    expect(svg).toContain("rotate(-40)");
    expect(svg).toContain("a-very-long-category-7: 12.5%</title>");
  });

  it("cuts upright category names to their bar pair's width", () => {
    // 4 categories: band = (400 − 64 − 28) / 4 = 77 units → 10 characters.
    const svg = histogramSvg({ kind: "categorical", categories: ["abcdefghijklmnopq", "b", "c", "d"], reference: [1, 1, 1, 1], current: [1, 1, 1, 1] }, options);
    expect(svg).toContain(">abcdefghi…</text>");
    expect(svg).not.toContain("rotate(-40)");
  });

  it("draws empty series as zero bars instead of failing", () => {
    const svg = histogramSvg({ kind: "numeric", edges: [0, 1], reference: [0], current: [0] }, options);
    expect(rects(svg).map((b) => Number(b[5]))).toEqual([0, 0]);
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.75, 0.5, 0.31, 0.12, 0.0041, 0].map(niceCeiling)).toEqual([1, 0.5, 0.5, 0.2, 0.005, 0.01]);
  });
});

describe("formatNumber", () => {
  it("keeps four significant digits, switches to exponents for tiny and huge values, and shows – for missing", () => {
    expect([0.123456, 412.7, 3.2e-84, 0.00002, 250_000, 0, null, Number.NaN].map(formatNumber)).toEqual(["0.1235", "412.7", "3.2e-84", "2.0e-5", "2.5e+5", "0", "–", "–"]);
    expect(formatPercent(0.4)).toBe("40.0%");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });
});
