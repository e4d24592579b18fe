import { WINDOW_DAYS } from "./crypto-contract.ts";

// The rolling window and the faker's forward-only rule, as pure functions of ISO days (YYYY-MM-DD, UTC).

export interface CryptoWindow {
  /** First day of the window (as-of minus WINDOW_DAYS - 1). */
  start: string;
  /** The as-of day, the window's last. */
  end: string;
  /** Every day of the window, oldest first. */
  days: string[];
}

const DAY_MS = 86_400_000;

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar day of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The window ending on `asOf`: `days` days, oldest first. */
export function cryptoWindow(asOf: string, days = WINDOW_DAYS): CryptoWindow {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`cryptoWindow needs at least one day, got ${days}`);
  const all = Array.from({ length: days }, (_, i) => addDays(asOf, i - days + 1));
  return { start: all[0]!, end: asOf, days: all };
}

/**
 * The days the faker generates: forward-only, so only window days after the newest batch already received (every
 * window day when there is none). A day that has a batch is never touched again, and a day before the newest batch
 * is never back-filled: history is only ever appended at its end.
 */
export function daysToGenerate(window: CryptoWindow, newestBatchDay: string | null): string[] {
  return newestBatchDay === null ? [...window.days] : window.days.filter((d) => d > newestBatchDay);
}
