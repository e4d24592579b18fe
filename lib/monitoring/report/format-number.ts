/**
 * A statistic, p-value, PSI or bin edge as a report shows it: 4 significant digits without trailing zeros, scientific
 * notation below 0.001 and from 100,000 (so a p-value of 3e-12 does not print as 0.000), "–" for NaN or null.
 * @example formatNumber(0.123456) // "0.1235"; formatNumber(0.00002) // "2.0e-5"; formatNumber(250000) // "2.5e+5"
 */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(1);
  return String(Number(value.toPrecision(4)));
}

/** A share as a percentage with one decimal: 0.6 → "60.0%". */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : "–";
}

/** A row count with thousands separators, independent of the machine's locale: 12345 → "12,345". */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? Math.round(count).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",") : "–";
}
