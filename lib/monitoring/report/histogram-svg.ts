import type { DriftHistogram } from "./drift-report-input.ts";
import { escapeHtml } from "./escape-html.ts";
import { formatNumber, formatPercent } from "./format-number.ts";

export interface HistogramSvgOptions {
  /** unique within the document: the ids of the chart's title and description derive from it */
  id: string;
  /** the column's name: the x-axis label */
  column: string;
  referenceLabel: string;
  currentLabel: string;
}

// Geometry of the viewBox. CSS scales the chart to its card (keeping the aspect ratio): 400 units wide keeps 13–14
// unit text readable on a 300px phone card (≈ 10px) as well as on a desktop half-width card.
const WIDTH = 400;
/** Room for the rotated y-axis title and the tick labels ("100%") beside it. */
const LEFT = 64;
const RIGHT = 28;
/** Two legend rows (one per series) above the plot, so long labels never collide. */
const TOP = 52;
const PLOT_HEIGHT = 170;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
/** Below the plot: tick labels and the axis title; rotated category names need more. */
const BOTTOM = 50;
const BOTTOM_ROTATED = 104;
/** Numeric charts label at most this many bin edges, spread evenly, so labels never overlap. */
const MAX_EDGE_LABELS = 5;
/** Category labels longer than this are cut (the bar's tooltip has the full name). */
const MAX_CATEGORY_CHARS = 14;
/** A legend row has ~330 units: about 44 characters at the legend's font size. */
const MAX_LEGEND_CHARS = 44;
/** More categories than this are labelled at an angle. */
const MAX_UPRIGHT_CATEGORIES = 6;

/**
 * An inline SVG bar chart of one column's reference vs current distribution: two bars per bin (reference, current),
 * each the bin's share of its own series (the two datasets differ in size), a legend, a y axis of shares with
 * gridlines and an x axis of bin edges (numeric) or category names (categorical), both axes labelled. Colours come
 * from CSS classes (`bar-ref`, `bar-cur`), so the document's light/dark/print styles apply. No xmlns: inline SVG
 * in HTML does not need one (and the report must not contain a URL). Text is escaped.
 *
 * @throws RangeError when the series' lengths do not match the bins (edges.length − 1 or categories.length)
 */
export function histogramSvg(histogram: DriftHistogram, options: HistogramSvgOptions): string {
  const bins = histogram.kind === "numeric" ? histogram.edges.length - 1 : histogram.categories.length;
  if (bins < 1 || histogram.reference.length !== bins || histogram.current.length !== bins) {
    throw new RangeError(
      `histogramSvg(${options.column}): ${bins} bins but ${histogram.reference.length} reference and ${histogram.current.length} current values`,
    );
  }
  const rotate = histogram.kind === "categorical" && bins > MAX_UPRIGHT_CATEGORIES;
  const height = TOP + PLOT_HEIGHT + (rotate ? BOTTOM_ROTATED : BOTTOM);
  const reference = shares(histogram.reference);
  const current = shares(histogram.current);
  const top = niceCeiling(Math.max(...reference, ...current));
  const y = (share: number) => TOP + PLOT_HEIGHT * (1 - share / top);
  const band = PLOT_WIDTH / bins;
  const barWidth = Math.max(1, band * 0.38);
  const binName = (i: number) =>
    histogram.kind === "numeric" ? `${formatNumber(histogram.edges[i]!)} to ${formatNumber(histogram.edges[i + 1]!)}` : histogram.categories[i]!;

  const parts: string[] = [];
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  parts.push(
    `<svg class="histogram" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${titleId} ${descId}" preserveAspectRatio="xMidYMid meet">`,
    `<title id="${titleId}">${escapeHtml(options.column)}: ${escapeHtml(options.referenceLabel)} vs ${escapeHtml(options.currentLabel)}</title>`,
    `<desc id="${descId}">Share of rows per ${histogram.kind === "numeric" ? "bin" : "category"}, ${bins} ${histogram.kind === "numeric" ? "bins" : "categories"}.</desc>`,
  );
  // Y axis: gridlines and labels at 0, half and the top.
  for (const share of [0, top / 2, top]) {
    const yy = round(y(share));
    parts.push(`<line class="grid" x1="${LEFT}" y1="${yy}" x2="${WIDTH - RIGHT}" y2="${yy}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${tickPercent(share)}</text>`);
  }
  // Bars: reference left of the band's centre, current right of it.
  for (let i = 0; i < bins; i++) {
    const centre = LEFT + band * (i + 0.5);
    for (const [series, values, css, label] of [
      ["reference", reference, "bar-ref", options.referenceLabel],
      ["current", current, "bar-cur", options.currentLabel],
    ] as const) {
      const share = values[i]!;
      const x = series === "reference" ? centre - barWidth : centre;
      const yy = y(share);
      parts.push(
        `<rect class="${css}" x="${round(x)}" y="${round(yy)}" width="${round(barWidth)}" height="${round(TOP + PLOT_HEIGHT - yy)}">` +
          `<title>${escapeHtml(label)}, ${escapeHtml(binName(i))}: ${formatPercent(share)}</title></rect>`,
      );
    }
  }
  parts.push(`<line class="axis" x1="${LEFT}" y1="${TOP + PLOT_HEIGHT}" x2="${WIDTH - RIGHT}" y2="${TOP + PLOT_HEIGHT}"/>`);
  parts.push(`<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_HEIGHT}"/>`);
  parts.push(...xLabels(histogram, bins, band, rotate));
  // Axis titles and the legend.
  parts.push(`<text class="axis-label" x="${LEFT + PLOT_WIDTH / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(cut(options.column, MAX_LEGEND_CHARS))}</text>`);
  parts.push(`<text class="axis-label" transform="translate(14 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">share of rows</text>`);
  parts.push(
    `<g class="legend"><rect class="bar-ref" x="${LEFT}" y="6" width="12" height="12"/><text x="${LEFT + 18}" y="17">${escapeHtml(cut(options.referenceLabel, MAX_LEGEND_CHARS))}</text>` +
      `<rect class="bar-cur" x="${LEFT}" y="26" width="12" height="12"/><text x="${LEFT + 18}" y="37">${escapeHtml(cut(options.currentLabel, MAX_LEGEND_CHARS))}</text></g>`,
  );
  parts.push("</svg>");
  return parts.join("");
}

/** Edge labels under the bin boundaries (numeric, thinned to MAX_EDGE_LABELS) or a name under each bar pair. */
function xLabels(histogram: DriftHistogram, bins: number, band: number, rotate: boolean): string[] {
  const baseline = TOP + PLOT_HEIGHT;
  if (histogram.kind === "numeric") {
    // Evenly spread edge indices, first and last included: 10 bins → edges 0, 3, 5, 8, 10.
    const labels = Math.min(bins + 1, MAX_EDGE_LABELS);
    const picked = new Set(Array.from({ length: labels }, (_, j) => Math.round((j * bins) / (labels - 1))));
    return [...picked].map((e) => edgeLabel(LEFT + band * e, baseline, histogram.edges[e]!));
  }
  return histogram.categories.map((name, i) => {
    const x = round(LEFT + band * (i + 0.5));
    // Upright names get their bar pair's width (~7.5 units a character at the tick size); angled ones a fixed length.
    const text = cut(name, rotate ? MAX_CATEGORY_CHARS : Math.max(3, Math.floor(band / 7.5)));
    return rotate
      ? `<text class="tick" transform="translate(${x} ${baseline + 12}) rotate(-40)" text-anchor="end">${escapeHtml(text)}</text>`
      : `<text class="tick" x="${x}" y="${baseline + 18}" text-anchor="middle">${escapeHtml(text)}</text>`;
  });
}

function edgeLabel(x: number, baseline: number, value: number): string {
  return `<line class="axis" x1="${round(x)}" y1="${baseline}" x2="${round(x)}" y2="${baseline + 4}"/><text class="tick" x="${round(x)}" y="${baseline + 18}" text-anchor="middle">${formatNumber(value)}</text>`;
}

/** Each value's share of the series' total (all zeros for an empty series); negative or non-finite counts count 0. */
function shares(values: readonly number[]): number[] {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = clean.reduce((s, v) => s + v, 0);
  return clean.map((v) => (total > 0 ? v / total : 0));
}

/** The smallest 1, 2 or 5 × 10^k at or above `value` (0 → 1%), so the top tick is a round percentage. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 0.01;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= value * (1 - 1e-12)) return factor * power;
  }
  return 10 * power;
}

/** A y tick as a short percentage: whole numbers without decimals ("50%"), else one decimal ("2.5%"). */
function tickPercent(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** `text` shortened to `max` characters with an ellipsis (cut before escaping, so no entity is split). */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Two decimals keep the SVG short without visible rounding at any zoom a report is read at. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
