import { generateWalletPayments } from "./generate-wallet-payments.ts";
import { createWalletBuyers, MONTH_DAYS, MONTH_TREND, sigmoid, type WalletBuyer } from "./wallet-buyers.ts";
import { AGE_BANDS, CARD_TYPES, GENDERS, INVERSION_STATES } from "./wallet-categories.ts";
import type { WalletSampleParams } from "./wallet-params.ts";
import { countText, createWalletContext, dateText, enumText, idText, moneyText, RowSink, shuffle, type WalletContext } from "./wallet-quirks.ts";
import {
  headerLine, WALLET_ACTIVE_USER, WALLET_DEMOGRAFICOS, WALLET_DINERO_CUENTA, WALLET_EVALUATE, WALLET_MARKETPLACE_DATA,
  type WalletFileName, type WalletFileSpec,
} from "./wallet-tables.ts";

/** Counts of one side file, as the ingest should find them after taking the first row per buyer. */
export type WalletSideFileStats = {
  rows: number;
  /** distinct buyers in the file */
  buyers: number;
  /** labelled buyers the file covers, and that share of all labelled buyers */
  labelledBuyers: number;
  coverage: number;
  /** rows beyond the first of a buyer */
  duplicateRows: number;
  /** buyers in the file that EVALUATE.csv does not label */
  buyersNotInEvaluate: number;
};

export type WalletSideFile = Exclude<WalletFileName, "EVALUATE.csv">;

export interface WalletDataset {
  /** CSV text per file; PAYMENTS.csv is null when `includePayments` is off. */
  csv: Record<Exclude<WalletFileName, "PAYMENTS.csv">, string> & { "PAYMENTS.csv": string | null };
  stats: {
    /** distinct valid labelled buyers: what staging.wallet_buyers must hold */
    buyers: number;
    churned: number;
    churnRate: number;
    /** data rows of EVALUATE.csv: buyers + rows without an id + repeated rows */
    evaluateRows: number;
    evaluateMissingIdRows: number;
    evaluateDuplicateRows: number;
    files: Record<WalletSideFile, WalletSideFileStats | null>;
    /** rows written with a category value outside the contract's lists (warned about, never dropped) */
    unlistedValues: WalletContext["unlisted"];
  };
}

const UNLABELLED_IN_SIDE_FILE = 0.7;
/** Share of side rows repeated later in the file (quirks only); a repeat is re-drawn, so it may disagree. */
const DUPLICATE_SHARE = 0.025;
/** One EVALUATE row without an id and one repeated row per this many buyers (quirks only): under the 0.1% the suite tolerates. */
const BROKEN_LABEL_EVERY = 2000;

const PLACES: readonly (readonly [city: string, state: string])[] = [
  ["São Paulo", "São Paulo"], ["Campinas", "São Paulo"], ["Santos", "São Paulo"], ["Rio de Janeiro", "Rio de Janeiro"],
  ["Niterói", "Rio de Janeiro"], ["Belo Horizonte", "Minas Gerais"], ["Uberlândia", "Minas Gerais"], ["Curitiba", "Paraná"],
  ["Florianópolis", "Santa Catarina"], ["Belém", "Pará"], ["Goiânia", "Goiás"], ["Buenos Aires", "Capital Federal"],
  ["La Plata", "Buenos Aires"], ["Mar del Plata", "Buenos Aires"], ["Córdoba", "Córdoba"], ["Río Cuarto", "Córdoba"],
  ["Rosario", "Santa Fe"], ["San Miguel de Tucumán", "Tucumán"], ["Neuquén", "Neuquén"], ["Ciudad de México", "Ciudad de México"],
  ["Monterrey", "Nuevo León"], ["Guadalajara", "Jalisco"], ["Mérida", "Yucatán"], ["Bogotá", "Bogotá D.C."], ["Medellín", "Antioquia"],
];
const PLACE_WEIGHTS = [14, 4, 2, 9, 2, 5, 2, 4, 2, 2, 2, 10, 3, 2, 5, 1, 4, 2, 1, 8, 4, 4, 2, 5, 3];
const GENDER_WEIGHTS = [47, 46, 7];
const AGE_WEIGHTS = [8, 2, 18, 17, 15, 18, 11, 7, 4];
const CARD_WEIGHTS = [30, 25, 20, 6, 8, 4, 4, 3];
const INVERSION_WEIGHTS = [30, 6, 5, 20, 18, 8, 3, 5, 1];

/** App visits in month k (0 = month -3): the wallet app (MP) follows engagement, the marketplace app (ML) affinity too. */
function visits(b: WalletBuyer, k: 0 | 1 | 2, app: "mp" | "ml", ctx: WalletContext): number {
  const trend = MONTH_TREND[k];
  const log = app === "mp" ? Math.log(6) + 0.6 * b.e + 0.45 * b.t * trend - 0.28 : Math.log(4) + 0.35 * b.e + 0.5 * b.m + 0.3 * b.t * trend - 0.3;
  return ctx.rng.poisson(Math.exp(log));
}

/** Real exports leave these fields empty a lot: mostly for months without visits, sometimes for no reason. */
function visitsText(n: number, ctx: WalletContext): string {
  if (!ctx.quirks) return String(n);
  const r = ctx.rng.next();
  return (n === 0 ? r < 0.6 : r < 0.06) ? "" : countText(ctx, n);
}

/** The last login of month -1: closer to the end of the month the more visits there were; empty without visits. */
function lastLoginText(n: number, ctx: WalletContext): string {
  if (n === 0) return "";
  const gap = Math.min(MONTH_DAYS - 1, Math.floor((-Math.log(1 - ctx.rng.next()) * MONTH_DAYS) / (n + 1)));
  return dateText(ctx, ctx.before(1 + gap), true);
}

function activeUserRow(b: WalletBuyer, ctx: WalletContext): string {
  const mau = [visits(b, 0, "mp", ctx), visits(b, 0, "ml", ctx), visits(b, 1, "mp", ctx), visits(b, 1, "ml", ctx), visits(b, 2, "mp", ctx), visits(b, 2, "ml", ctx)];
  const cells = mau.map((n) => visitsText(n, ctx));
  return `${idText(ctx, b.id, true)},${cells.join(",")},${lastLoginText(mau[4]!, ctx)},${lastLoginText(mau[5]!, ctx)}`;
}

function demograficosRow(b: WalletBuyer, ctx: WalletContext): string {
  const { rng } = ctx;
  const [city, state] = rng.pick(PLACES, PLACE_WEIGHTS);
  const cityText = ctx.quirks && rng.next() < 0.03 ? "" : city;
  const stateText = ctx.quirks && rng.next() < 0.1 ? state.toUpperCase() : state;
  const gender = ctx.category(GENDERS, GENDER_WEIGHTS, "gender");
  const age = enumText(ctx, rng.pick(AGE_BANDS, AGE_WEIGHTS), false);
  return `${cityText},${idText(ctx, b.id, false)},${gender},${age},${ctx.category(CARD_TYPES, CARD_WEIGHTS, "card")},${stateText}`;
}

/** Max balance of month -1 / -2: zero for many disengaged or poorer buyers, else log-normal in wealth. */
function balance(b: WalletBuyer, month: 1 | 2, ctx: WalletContext): number {
  const { rng } = ctx;
  if (rng.next() < sigmoid(-1.2 - 0.8 * b.e - 0.6 * b.w)) return 0;
  return Math.exp(6.5 + 1.1 * b.w + 0.35 * b.e + (month === 1 ? 0.3 * b.t : 0) + rng.normal(0, 0.6));
}

function dineroCuentaRow(b: WalletBuyer, ctx: WalletContext): string {
  const b1 = balance(b, 1, ctx);
  const b2 = balance(b, 2, ctx);
  const r = ctx.rng.next();
  const inversion = r < 0.15 ? "" : b1 > 2000 && r < 0.6 ? enumText(ctx, "investing") : ctx.category(INVERSION_STATES, INVERSION_WEIGHTS, "inversion");
  return `${idText(ctx, b.id, true)},${moneyText(b1)},${moneyText(b2)},${inversion}`;
}

function marketplaceDataRow(b: WalletBuyer, ctx: WalletContext): string {
  const { rng } = ctx;
  const frequency = 1 + rng.poisson(4 * Math.exp(0.45 * b.e + 0.5 * b.m + 0.2 * b.t - 0.4));
  const spent = frequency * Math.exp(4.5 + 0.5 * b.w + rng.normal(0, 0.7));
  const recency = 1 + Math.floor(-Math.log(1 - rng.next()) * 25 * Math.exp(-0.5 * b.e - 0.45 * b.t - 0.3 * b.m));
  return `${idText(ctx, b.id, false)},${moneyText(spent)},${dateText(ctx, ctx.before(recency), false)},${countText(ctx, frequency)}`;
}

/** A side file: its labelled members (by `inFile`) plus most unlabelled buyers, shuffled, some rows repeated later. */
function sideFile(spec: WalletFileSpec, buyers: readonly WalletBuyer[], labelledCount: number, ctx: WalletContext,
  inFile: (b: WalletBuyer) => boolean, render: (b: WalletBuyer, ctx: WalletContext) => string) {
  const { rng } = ctx;
  const members = shuffle(rng, buyers.filter((b) => (b.labelled ? inFile(b) : rng.next() < UNLABELLED_IN_SIDE_FILE)));
  const sink = new RowSink(rng);
  let duplicateRows = 0;
  for (const b of members) {
    sink.push(render(b, ctx));
    if (ctx.quirks && rng.next() < DUPLICATE_SHARE) {
      sink.pushLater(render(b, ctx));
      duplicateRows++;
    }
  }
  const { csv, rows } = sink.finish(headerLine(spec));
  const labelled = members.filter((b) => b.labelled).length;
  const stats: WalletSideFileStats = {
    rows, buyers: members.length, labelledBuyers: labelled, coverage: labelled / labelledCount, duplicateRows, buyersNotInEvaluate: members.length - labelled,
  };
  return { csv, stats };
}

/** EVALUATE.csv: one row per labelled buyer, plus (quirks) a few rows without an id and a few repeated rows. */
function evaluateFile(buyers: readonly WalletBuyer[], labelledCount: number, ctx: WalletContext) {
  const sink = new RowSink(ctx.rng);
  const label = (c: 0 | 1) => (ctx.quirks ? `${c}.0` : String(c));
  const broken = ctx.quirks ? Math.floor(labelledCount / BROKEN_LABEL_EVERY) : 0;
  const labelled = shuffle(ctx.rng, buyers.filter((b) => b.labelled));
  const breakAt = new Set(Array.from({ length: broken }, (_, i) => Math.floor(((i + 0.5) * labelled.length) / broken)));
  for (const [i, b] of labelled.entries()) {
    const line = `${idText(ctx, b.id, false)},${label(b.churn)}`;
    sink.push(line);
    if (breakAt.has(i)) {
      sink.pushLater(line);
      sink.pushLater(`,${label(b.churn)}`);
    }
  }
  return { ...sink.finish(headerLine(WALLET_EVALUATE)), broken, churned: labelled.reduce((s, b) => s + b.churn, 0) };
}

/**
 * Generates a synthetic marketplace-wallet export: the six CSVs of ARCHITECTURE §6.2 with the quirks of real ones.
 *
 * Simulation: each buyer has latent engagement, a trend over the three months before `startDate`, wealth and
 * marketplace affinity (wallet-buyers.ts). Payments, app visits, balances and marketplace purchases are noisy
 * counts and amounts driven by them; churn (no transaction in the next two months) is the top `churnRate` share of
 * a risk built from the same latents plus noise. Side files cover a share of labelled buyers that depends on the
 * latents (demographics 100%, active users ~93%, payments ~85%, marketplace ~72%, account money ~62%) plus a few
 * unlabelled buyers. Pure: same params → byte-identical files.
 */
export function generateWallet(params: WalletSampleParams): WalletDataset {
  const ctx = createWalletContext(params);
  const { rng } = ctx;
  const n = params.buyers;
  const buyers = createWalletBuyers(n, params.churnRate, rng);

  const au = sideFile(WALLET_ACTIVE_USER, buyers, n, ctx, () => rng.next() < 0.93, activeUserRow);
  const demo = sideFile(WALLET_DEMOGRAFICOS, buyers, n, ctx, () => true, demograficosRow);
  const dinero = sideFile(WALLET_DINERO_CUENTA, buyers, n, ctx, (b) => rng.next() < sigmoid(0.6 + 0.8 * b.w + 0.2 * b.e), dineroCuentaRow);
  const market = sideFile(WALLET_MARKETPLACE_DATA, buyers, n, ctx, (b) => rng.next() < sigmoid(1.2 + 1.2 * b.m), marketplaceDataRow);

  let payments: { csv: string; stats: WalletSideFileStats } | null = null;
  if (params.includePayments) {
    const p = generateWalletPayments(buyers, params.paymentsPerBuyer, ctx);
    const labelled = [...p.payers].filter((b) => b.labelled).length;
    payments = {
      csv: p.csv,
      stats: { rows: p.rows, buyers: p.payers.size, labelledBuyers: labelled, coverage: labelled / n, duplicateRows: 0, buyersNotInEvaluate: p.payers.size - labelled },
    };
  }

  const evaluate = evaluateFile(buyers, n, ctx);
  return {
    csv: {
      "EVALUATE.csv": evaluate.csv, "ACTIVE_USER.csv": au.csv, "DEMOGRAFICOS.csv": demo.csv, "DINERO_CUENTA.csv": dinero.csv,
      "MARKETPLACE_DATA.csv": market.csv, "PAYMENTS.csv": payments?.csv ?? null,
    },
    stats: {
      buyers: n, churned: evaluate.churned, churnRate: evaluate.churned / n,
      evaluateRows: evaluate.rows, evaluateMissingIdRows: evaluate.broken, evaluateDuplicateRows: evaluate.broken,
      files: { "ACTIVE_USER.csv": au.stats, "DEMOGRAFICOS.csv": demo.stats, "DINERO_CUENTA.csv": dinero.stats, "MARKETPLACE_DATA.csv": market.stats, "PAYMENTS.csv": payments?.stats ?? null },
      unlistedValues: ctx.unlisted,
    },
  };
}
