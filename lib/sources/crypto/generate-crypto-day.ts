import type { DateFormat } from "../../quality/expectation-types.ts";
import { DATE_LAYOUTS } from "../../values/date-grammar.ts";
import { createSeededRandom, type SeededRandom } from "../elearning/seeded-random.ts";
import { CRYPTO_TYPES, HISTORY_COLUMNS, PURCHASE_DATE_FORMATS, SITES, type HistoryColumn } from "./crypto-contract.ts";
import { addDays } from "./crypto-window.ts";

// The seeded faker of one received day of crypto purchases (pure: the same day, seed and sizes always give the same
// rows and bytes). A run calls it only for days that have no batch yet (crypto-window.ts), so past days are never
// rewritten. Bad rows are planted on purpose, one kind each, in a rotation so that every kind appears once there are
// at least as many bad rows as kinds.

export type HistoryRow = Record<HistoryColumn, string>;

/** The kinds of bad rows the faker plants, each caught by one rule of the two suites. */
export const BAD_ROW_KINDS = ["unparseable_date", "future_date", "negative_price", "negative_units", "unknown_crypto", "duplicate"] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

export interface GenerateDayOptions {
  /** The received day, YYYY-MM-DD: good rows are purchases of that day. */
  day: string;
  seed: number;
  /** Rows in the batch, bad ones included. */
  rows: number;
  /** Share of the rows that are bad (rounded to whole rows). */
  badRate: number;
}

export interface GeneratedDay {
  day: string;
  rows: HistoryRow[];
  /** The kind of each bad row by its 0-based index in `rows` (the CSV line is index + 2). */
  bad: Map<number, BadRowKind>;
  csv: string;
}

/** Users per site: small enough that users buy again on other days, large enough that keys rarely collide. */
const USERS_PER_SITE = 5_000;
/** Typical unit prices (USD) around which a day's prices scatter. */
const BASE_PRICE: Record<(typeof CRYPTO_TYPES)[number], number> = { BTC: 65_000, ETH: 3_400, USDC: 1, USDT: 1, SOL: 150 };
const UNKNOWN_TYPES = ["DOGE", "BTCX", "XRP", "LUNA"];
/** Exports write some crypto types in lower case; the suite compares case-insensitively and staging upper-cases. */
const LOWER_CASE_SHARE = 0.05;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** One seed per (run seed, day), so a day's rows do not depend on which other days are generated with it. */
function daySeed(seed: number, day: string): number {
  const dayNumber = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(dayNumber, 0xc2b2ae35);
}

/** `day` written in `format`, with a seeded time of day for the layouts that have one. */
export function formatDay(day: string, format: DateFormat, random: SeededRandom): string {
  const [y, m, d] = day.split("-");
  const time = `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
  switch (format) {
    case "YYYY-MM-DD": return day;
    case "YYYY-MM-DD HH:MI:SS": return `${day} ${time}`;
    case "YYYY-MM-DDTHH:MI:SS": return `${day}T${time}`;
    case "DD/MM/YYYY": return `${d}/${m}/${y}`;
    case "MM/DD/YYYY": return `${m}/${d}/${y}`;
    case "DD-MM-YYYY": return `${d}-${m}-${y}`;
    case "YYYY/MM/DD": return `${y}/${m}/${d}`;
    case "YYYYMMDD": return `${y}${m}${d}`;
  }
}

/** Text no known layout reads: impossible days in a known shape, unknown layouts and words. */
function unparseableDate(day: string, random: SeededRandom): string {
  const [y, m, d] = day.split("-");
  return random.pick([`${y}-13-${d}`, `${d}.${m}.${y}`, `31/02/${y}`, "yesterday", `${y}-${m}-${d}T25:00:00`, `${m}/${pad(28 + random.int(1, 3))}/${y}`]);
}

function goodRow(day: string, random: SeededRandom): HistoryRow {
  const type = random.pick(CRYPTO_TYPES);
  const price = BASE_PRICE[type] * Math.exp(random.normal(0, 0.02));
  const spend = Math.exp(random.normal(Math.log(120), 0.9)); // USD per purchase, log-normal
  const units = Math.max(1e-8, spend / price);
  const format = random.pick(PURCHASE_DATE_FORMATS);
  return {
    site_id: random.pick(SITES),
    user_id: String(random.int(1, USERS_PER_SITE)),
    purchase_date: formatDay(day, format, random),
    crypto_type: random.next() < LOWER_CASE_SHARE ? type.toLowerCase() : type,
    purchase_price: price.toFixed(2),
    purchase_units: units.toFixed(8),
  };
}

/** The production key of a good row (its date is the day, whatever the layout). */
const keyOf = (r: HistoryRow, day: string) => `${r.site_id}|${r.user_id}|${day}|${r.crypto_type.toUpperCase()}`;

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The batch as CSV text (header + one line per row), as a source would send it. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const lines = [HISTORY_COLUMNS.join(","), ...rows.map((r) => HISTORY_COLUMNS.map((c) => csvField(r[c])).join(","))];
  return `${lines.join("\n")}\n`;
}

/** Generates one received day. Good rows have distinct production keys; a duplicate repeats an earlier row's key. */
export function generateCryptoDay({ day, seed, rows: total, badRate }: GenerateDayOptions): GeneratedDay {
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`generateCryptoDay needs at least one row, got ${total}`);
  if (!(badRate >= 0 && badRate <= 1)) throw new RangeError(`generateCryptoDay needs a bad-row rate in [0, 1], got ${badRate}`);
  const random = createSeededRandom(daySeed(seed, day));
  // Row 0 is always good, so a duplicate always has an earlier row to repeat.
  const badCount = Math.min(total - 1, Math.round(total * badRate));
  const slots = Array.from({ length: total - 1 }, (_, i) => i + 1);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  // The rotation starts at a seeded kind, so days with fewer bad rows than kinds still plant every kind over a window.
  const first = random.int(0, BAD_ROW_KINDS.length - 1);
  const bad = new Map<number, BadRowKind>(slots.slice(0, badCount).sort((a, b) => a - b).map((index, k) => [index, BAD_ROW_KINDS[(first + k) % BAD_ROW_KINDS.length]!]));
  const keys = new Set<string>();
  const good: HistoryRow[] = [];
  const rows: HistoryRow[] = [];
  const freshRow = () => {
    for (;;) {
      const r = goodRow(day, random);
      if (!keys.has(keyOf(r, day))) return r;
    }
  };
  for (let i = 0; i < total; i++) {
    const kind = bad.get(i);
    if (kind === "duplicate") {
      // A re-sent purchase: same key, maybe another date layout and another price, later in the file.
      const original = random.pick(good);
      rows.push({ ...original, purchase_date: formatDay(day, random.pick(PURCHASE_DATE_FORMATS), random), purchase_price: (Number(original.purchase_price) * 1.01).toFixed(2) });
      continue;
    }
    const r = freshRow();
    keys.add(keyOf(r, day));
    switch (kind) {
      case undefined: good.push(r); break;
      case "unparseable_date": r.purchase_date = unparseableDate(day, random); break;
      // Far enough ahead to be after any as-of day whose window still holds this batch.
      case "future_date": r.purchase_date = formatDay(addDays(day, random.int(10, 60)), random.pick(PURCHASE_DATE_FORMATS), random); break;
      case "negative_price": r.purchase_price = `-${r.purchase_price}`; break;
      case "negative_units": r.purchase_units = `-${r.purchase_units}`; break;
      case "unknown_crypto": r.crypto_type = random.pick(UNKNOWN_TYPES); break;
    }
    rows.push(r);
  }
  return { day, rows, bad, csv: historyCsv(rows) };
}
