import type { DriftHistogram } from "../../monitoring-pages/drift-columns.ts";

// A drift column's histogram as chart rows: one row per bin with the reference and current shares in percent.

export interface HistogramBinRow {
  bin: string;
  /** percent of reference rows in the bin */
  reference: number;
  /** percent of current rows in the bin */
  current: number;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** An edge as short text: "1.23K", "0.5", "-3"; infinities as ∞. */
export function formatEdge(x: number): string {
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "−∞";
  return compact.format(x);
}

const percent = (share: number) => Math.round(share * 10000) / 100;

/** Numeric bins read "lo–hi" (the last one includes hi); categories as they are. */
export function histogramBinRows(h: DriftHistogram): HistogramBinRow[] {
  if (h.kind === "categorical") return h.categories.map((c, i) => ({ bin: c === "" ? "(empty)" : c, reference: percent(h.reference[i]!), current: percent(h.current[i]!) }));
  return h.reference.map((r, i) => ({ bin: `${formatEdge(h.edges[i]!)}–${formatEdge(h.edges[i + 1]!)}`, reference: percent(r), current: percent(h.current[i]!) }));
}
