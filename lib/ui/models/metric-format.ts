// Metric numbers on the model pages: four decimals (differences that decide a promotion are ~0.005), a signed
// delta, and "—" for a missing value. Deterministic (no locale), so server and client render the same text.

export function formatMetric(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

/** "+0.0123" / "−0.0040" / "±0.0000" (a true minus sign, so the sign is not lost to a hyphen in narrow cells). */
export function formatDelta(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** "12.5%" from a share in [0, 1]. */
export function formatShare(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(digits)}%`;
}
