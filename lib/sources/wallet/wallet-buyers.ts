import type { SeededRandom } from "../elearning/seeded-random.ts";
import { shuffle } from "./wallet-quirks.ts";

/** A simulated buyer: latent traits every file is a noisy view of, and the label derived from them. */
export interface WalletBuyer {
  id: number;
  /** in EVALUATE.csv; side files also list some unlabelled buyers */
  labelled: boolean;
  /** engagement, standard normal */
  e: number;
  /** trend over the three months, standard normal; negative = fading */
  t: number;
  /** wealth, standard normal */
  w: number;
  /** marketplace affinity, correlated with engagement */
  m: number;
  churn: 0 | 1;
}

/** Side files also list some buyers EVALUATE.csv does not label (about 1.5% extra), as real exports do. */
export const UNLABELLED_SHARE = 0.015;
/** Ids are increasing with random gaps: unique without a set, and of the size real ids have. */
const ID_STEP = 4999;
/**
 * Noise on the churn risk. The label depends on latent engagement and trend, which every file sees only through
 * noisy counts, so a linear model on the files reaches ROC-AUC ≈ 0.77 (tuned on seeds 42 and 3 with 10,000 buyers:
 * 0.774 and 0.766; noise 0.9 gave 0.85). Checked in generate-wallet.test.ts.
 */
const RISK_NOISE_SD = 1.5;

/** The export describes the 90 days before the evaluation date as three 30-day months (-3, -2, -1). */
export const MONTH_DAYS = 30;
/** Trend weight of month -3, -2, -1: a fading buyer was more active early on. */
export const MONTH_TREND = [-1, 0, 1] as const;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * `labelled` buyers plus ~1.5% unlabelled ones. Churn = the top `churnRate` share of risk, which gives the exact rate
 * for any seed; risk falls with engagement, trend, wealth and marketplace affinity.
 */
export function createWalletBuyers(labelled: number, churnRate: number, rng: SeededRandom): WalletBuyer[] {
  const total = labelled + Math.round(labelled * UNLABELLED_SHARE);
  const buyers: WalletBuyer[] = [];
  for (let i = 0; i < total; i++) {
    const e = rng.normal();
    const t = rng.normal();
    const w = rng.normal();
    const m = 0.6 * e + 0.8 * rng.normal();
    buyers.push({ id: 10_000 + i * ID_STEP + rng.int(0, ID_STEP - 1), labelled: true, e, t, w, m, churn: 0 });
  }
  for (const b of shuffle(rng, [...buyers]).slice(labelled)) b.labelled = false;
  const scored = buyers.filter((b) => b.labelled).map((b) => ({ b, risk: -(0.9 * b.e + 0.7 * b.t + 0.15 * b.w + 0.2 * b.m) + rng.normal(0, RISK_NOISE_SD) }));
  scored.sort((x, y) => y.risk - x.risk);
  for (const { b } of scored.slice(0, Math.round(churnRate * labelled))) b.churn = 1;
  return buyers;
}
