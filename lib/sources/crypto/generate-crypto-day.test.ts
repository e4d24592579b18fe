import { describe, expect, it } from "vitest";
import { CRYPTO_TYPES, SITES } from "./crypto-contract.ts";
import { BAD_ROW_KINDS, generateCryptoDay } from "./generate-crypto-day.ts";
import { parsePurchaseDate } from "./purchase-date.ts";

describe("generateCryptoDay", () => {
  const day = "2026-03-10";
  const g = generateCryptoDay({ day, seed: 42, rows: 240, badRate: 0.05 });

  it("is a pure function of day, seed and sizes (a day's rows do not depend on other days)", () => {
    expect(generateCryptoDay({ day, seed: 42, rows: 240, badRate: 0.05 }).csv).toBe(g.csv);
    expect(generateCryptoDay({ day: "2026-03-11", seed: 42, rows: 240, badRate: 0.05 }).csv).not.toBe(g.csv);
    expect(generateCryptoDay({ day, seed: 7, rows: 240, badRate: 0.05 }).csv).not.toBe(g.csv);
  });

  it("plants round(rows × rate) bad rows, every kind equally often, never on the first row", () => {
    expect(g.rows).toHaveLength(240);
    expect(g.bad.size).toBe(12);
    expect(g.bad.has(0)).toBe(false);
    const perKind = Object.fromEntries(BAD_ROW_KINDS.map((k) => [k, [...g.bad.values()].filter((v) => v === k).length]));
    expect(perKind).toEqual(Object.fromEntries(BAD_ROW_KINDS.map((k) => [k, 2])));
    expect(generateCryptoDay({ day, seed: 42, rows: 100, badRate: 0 }).bad.size).toBe(0);
  });

  it("writes good rows as purchases of the day in several known layouts, with distinct keys and known enums", () => {
    const good = g.rows.filter((_, i) => !g.bad.has(i));
    expect(good.every((r) => parsePurchaseDate(r.purchase_date) === day)).toBe(true);
    expect(new Set(good.map((r) => r.purchase_date.length)).size).toBeGreaterThanOrEqual(3); // several layouts
    expect(good.every((r) => (SITES as readonly string[]).includes(r.site_id) && (CRYPTO_TYPES as readonly string[]).includes(r.crypto_type.toUpperCase()))).toBe(true);
    expect(good.every((r) => Number(r.purchase_price) > 0 && Number(r.purchase_units) > 0)).toBe(true);
    const keys = good.map((r) => `${r.site_id}|${r.user_id}|${r.crypto_type.toUpperCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("makes each bad row bad in exactly its own way", () => {
    for (const [i, kind] of g.bad) {
      const r = g.rows[i]!;
      const parsed = parsePurchaseDate(r.purchase_date);
      switch (kind) {
        case "unparseable_date": expect(parsed, r.purchase_date).toBeNull(); break;
        case "future_date": expect(parsed! > day, r.purchase_date).toBe(true); break;
        case "negative_price": expect(Number(r.purchase_price)).toBeLessThan(0); break;
        case "negative_units": expect(Number(r.purchase_units)).toBeLessThan(0); break;
        case "unknown_crypto": expect(CRYPTO_TYPES as readonly string[]).not.toContain(r.crypto_type.toUpperCase()); break;
        case "duplicate": {
          const earlier = g.rows.slice(0, i).filter((o, j) => !g.bad.has(j) && o.site_id === r.site_id && o.user_id === r.user_id && o.crypto_type === r.crypto_type);
          expect(earlier).toHaveLength(1);
          expect(parsed).toBe(day);
          break;
        }
      }
    }
  });

  it("writes a CSV with the contract's header and one line per row", () => {
    const lines = g.csv.trimEnd().split("\n");
    expect(lines[0]).toBe("site_id,user_id,purchase_date,crypto_type,purchase_price,purchase_units");
    expect(lines).toHaveLength(241);
  });
});
