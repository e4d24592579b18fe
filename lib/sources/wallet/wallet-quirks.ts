import { createSeededRandom, type SeededRandom } from "../elearning/seeded-random.ts";
import { UNLISTED } from "./wallet-categories.ts";

// How real wallet exports spell values (ARCHITECTURE §6.2). With quirks off, the same values are written the clean
// way (integer ids, 0/1 labels, the listed casing), so tests can tell what the ingest absorbs from what it needs.

export interface Writer {
  quirks: boolean;
  rng: SeededRandom;
}

/** pandas writes integer columns that contain a NaN anywhere as floats: 54018 -> "54018.0". */
export function idText(w: Writer, id: number, floatInThisFile: boolean): string {
  return w.quirks && floatInThisFile ? `${id}.0` : String(id);
}

/** A count; "12.0" when the export went through a float column. */
export function countText(w: Writer, n: number): string {
  return w.quirks ? `${n}.0` : String(n);
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** Two decimals ("0.0" for zero, as pandas writes it); integer arithmetic because toFixed dominated generation time. */
export function moneyText(x: number): string {
  if (x === 0) return "0.0";
  const cents = Math.round(x * 100);
  const whole = Math.floor(cents / 100);
  return `${whole}.${PAD2[cents - whole * 100]}`;
}

/**
 * Mixed casing as hand-maintained enums drift: "investing", "Investing", "INVESTING", plus the odd stray space.
 * `upper: false` for values with non-ASCII letters: in a database created with the C locale lower() leaves "Ñ" alone,
 * so an upper-cased "AÑOS" would stop matching its listed value (both engines here do lower it; the files should
 * not depend on that).
 */
export function enumText(w: Writer, value: string, upper = true): string {
  if (!w.quirks) return value;
  const r = w.rng.next();
  let v = value;
  if (r < 0.12) v = value.replace(/(^|[\s_])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  else if (r < 0.2 && upper) v = value.toUpperCase();
  else if (r < 0.26) v = value.toLowerCase();
  return w.rng.next() < 0.01 ? `${v} ` : v;
}

/** A date column: "YYYY-MM-DD", or with a time of day when the export came from a timestamp column. */
export function dateText(w: Writer, isoDate: string, withTime: boolean): string {
  if (!(w.quirks && withTime)) return isoDate;
  const r = w.rng;
  return `${isoDate} ${PAD2[r.int(7, 23)]}:${PAD2[r.int(0, 59)]}:${PAD2[r.int(0, 59)]}`;
}

/** In-place Fisher–Yates: real exports are not sorted by buyer. */
export function shuffle<T>(rng: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/**
 * Writes rows in order and slips extra rows (re-exports of a buyer, broken lines) in somewhere after the row they
 * copy, so "the first row per buyer" is the original one and duplicates are not all bunched at the end.
 */
export class RowSink {
  private readonly rows: string[] = [];
  private readonly later = new Map<number, string[]>();
  private index = 0;
  constructor(private readonly rng: SeededRandom) {}

  push(line: string): void {
    const waiting = this.later.get(this.index);
    if (waiting) {
      this.rows.push(...waiting);
      this.later.delete(this.index);
    }
    this.rows.push(line);
    this.index++;
  }

  /** Schedules a line to appear 1–500 rows after the current one (or at the end). */
  pushLater(line: string): void {
    const at = this.index + this.rng.int(1, 500);
    const list = this.later.get(at);
    if (list) list.push(line);
    else this.later.set(at, [line]);
  }

  /** The CSV text (header + rows, trailing newline) and the number of data rows. */
  finish(header: string): { csv: string; rows: number } {
    for (const at of [...this.later.keys()].sort((a, b) => a - b)) this.rows.push(...this.later.get(at)!);
    this.later.clear();
    return { csv: `${header}${this.rows.join("\n")}${this.rows.length ? "\n" : ""}`, rows: this.rows.length };
  }
}

export type UnlistedKey = keyof typeof UNLISTED;

/** What every file writer shares: the seeded stream, the date table and the count of unlisted categories written. */
export interface WalletContext extends Writer {
  /** ISO date `daysBefore` days before the start date (1 = the day before), for 1..HISTORY_DAYS */
  before(daysBefore: number): string;
  /** A listed value in export casing, or now and then (quirks only) a value the contract does not list. */
  category(listed: readonly string[], weights: readonly number[], key: UnlistedKey): string;
  unlisted: Record<UnlistedKey, number>;
}

/** Dates reach back this far (RECENCY_ML can be up to a year old). */
export const HISTORY_DAYS = 365;
/** Share of category values written outside the contract's lists (quirks only). */
const UNLISTED_SHARE = 0.004;
const DAY_MS = 86_400_000;

export function createWalletContext(p: { seed: number; startDate: string; quirks: boolean }): WalletContext {
  const startMs = Date.parse(`${p.startDate}T00:00:00Z`);
  if (Number.isNaN(startMs)) throw new RangeError(`Invalid startDate ${p.startDate}`);
  const dates = Array.from({ length: HISTORY_DAYS }, (_, i) => new Date(startMs - (i + 1) * DAY_MS).toISOString().slice(0, 10));
  const rng = createSeededRandom(p.seed);
  const ctx: WalletContext = {
    quirks: p.quirks,
    rng,
    unlisted: { segment: 0, card: 0, inversion: 0, gender: 0 },
    before: (daysBefore) => dates[Math.min(HISTORY_DAYS, Math.max(1, daysBefore)) - 1]!,
    category(listed, weights, key) {
      if (ctx.quirks && rng.next() < UNLISTED_SHARE) {
        ctx.unlisted[key]++;
        return enumText(ctx, UNLISTED[key]);
      }
      return enumText(ctx, rng.pick(listed, weights));
    },
  };
  return ctx;
}
