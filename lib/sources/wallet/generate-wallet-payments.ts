import { TPV_SEGMENTS } from "./wallet-categories.ts";
import { MONTH_DAYS, MONTH_TREND, sigmoid, type WalletBuyer } from "./wallet-buyers.ts";
import { dateText, idText, moneyText, type WalletContext } from "./wallet-quirks.ts";
import { headerLine, WALLET_PAYMENTS } from "./wallet-tables.ts";

const DAYS = 3 * MONTH_DAYS;
const SEGMENT_WEIGHTS = [34, 14, 12, 16, 9, 8, 4, 3];
/** Seller ids live far above buyer ids, so the two never collide. */
const SELLER_BASE = 2_000_000_000;

export interface WalletPayments {
  csv: string;
  rows: number;
  /** buyers with at least one row */
  payers: Set<WalletBuyer>;
}

/**
 * PAYMENTS.csv: ~`perBuyer` rows per paying buyer over the 90 days before the start date, chronological. A buyer's
 * monthly rate follows engagement and trend (fading buyers paid more in month -3 than in month -1); ~15% of buyers,
 * mostly disengaged ones, have no wallet payments at all.
 *
 * Two passes: first the (day, buyer) of every payment as numbers, then the lines day by day, each day joined at
 * once. Keeping all ~500k lines alive in per-day buckets until one final join made garbage collection the largest
 * cost; this order took default-size generation from 4.3 s to about 2 s here.
 */
export function generateWalletPayments(buyers: readonly WalletBuyer[], perBuyer: number, ctx: WalletContext): WalletPayments {
  const { rng } = ctx;
  const dayOf: number[] = [];
  const buyerOf: number[] = [];
  const payers = new Set<WalletBuyer>();
  buyers.forEach((b, index) => {
    if (rng.next() >= sigmoid(2.0 + 0.8 * b.e)) return;
    for (let k = 0; k < 3; k++) {
      const trend = MONTH_TREND[k as 0 | 1 | 2];
      // E[exp(0.5e + 0.4t·trend)] = exp(0.125 + 0.08·trend²): dividing it out keeps the mean at perBuyer / 3 a month.
      const n = rng.poisson((perBuyer / 3) * Math.exp(0.5 * b.e + 0.4 * b.t * trend - 0.125 - 0.08 * trend * trend));
      for (let i = 0; i < n; i++) {
        dayOf.push(k * MONTH_DAYS + rng.int(0, MONTH_DAYS - 1));
        buyerOf.push(index);
      }
      if (n > 0) payers.add(b);
    }
  });

  // Counting sort by day; within a day, buyers keep their generation order.
  const start = new Int32Array(DAYS + 1);
  for (const d of dayOf) start[d + 1]!++;
  for (let d = 0; d < DAYS; d++) start[d + 1]! += start[d]!;
  const order = new Int32Array(dayOf.length);
  const next = start.slice(0, DAYS);
  dayOf.forEach((d, i) => (order[next[d]!++] = i));

  const sellers = Math.max(50, Math.round(buyers.length / 15));
  const chunks: string[] = [];
  for (let d = 0; d < DAYS; d++) {
    if (start[d] === start[d + 1]) continue;
    const date = dateText(ctx, ctx.before(DAYS - d), false);
    const lines: string[] = [];
    for (let j = start[d]!; j < start[d + 1]!; j++) {
      const b = buyers[buyerOf[order[j]!]!]!;
      // Few sellers take most payments (u³ skews towards low indexes); P2P rows sometimes have no seller (quirk).
      const seller = ctx.quirks && rng.next() < 0.03 ? "" : idText(ctx, SELLER_BASE + 37 * Math.floor(sellers * rng.next() ** 3), true);
      const spent = Math.exp(4.2 + 0.4 * b.w + rng.normal(0, 0.9));
      const r = rng.next();
      const discount = r < 0.12 ? moneyText(spent * (0.05 + 0.25 * rng.next())) : ctx.quirks && r < 0.18 ? "" : "0.0";
      lines.push(`${date},${seller},${idText(ctx, b.id, true)},${moneyText(spent)},${ctx.category(TPV_SEGMENTS, SEGMENT_WEIGHTS, "segment")},${discount}`);
    }
    chunks.push(lines.join("\n"));
  }
  const header = headerLine(WALLET_PAYMENTS);
  return { csv: chunks.length ? `${header}${chunks.join("\n")}\n` : header, rows: dayOf.length, payers };
}
