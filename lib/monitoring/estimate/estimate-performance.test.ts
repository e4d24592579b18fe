import { describe, expect, it } from "vitest";
import { fitCalibrator } from "../../ml/calibrate/calibrator.ts";
import { sigmoid } from "../../ml/linear/sigmoid.ts";
import { confusionMatrix } from "../../ml/metrics/confusion-matrix.ts";
import { rocAuc } from "../../ml/metrics/roc-auc.ts";
import { mulberry32, type Random } from "../../ml/random.ts";
import { descendingOrder } from "./descending-order.ts";
import { estimatePerformance, type EstimatedValue } from "./estimate-performance.ts";
import { precisionAtK } from "./precision-at-k.ts";
import { sampleLabelMetrics } from "./sample-label-metrics.ts";

/** Standard normal by Box–Muller (two uniforms per draw; 1 − u keeps the log finite). */
const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** One synthetic scoring run where the truth is known: margins m ~ N(0, 1.6²), P(churn) = sigmoid(m − 1.2) (~28% churn). */
function syntheticRun(seed: number, rows: number) {
  const random = mulberry32(seed);
  const margin = new Float64Array(rows);
  const p = new Float64Array(rows);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    margin[i] = 1.6 * normal(random);
    p[i] = sigmoid(margin[i]! - 1.2);
    y[i] = random() < p[i]! ? 1 : 0;
  }
  return { margin, p, y };
}

const inside = (value: number, band: EstimatedValue) => value >= band.lower && value <= band.upper;

const TRIALS = 200;
const ROWS = 500;
const K = 50;

describe("estimatePerformance", () => {
  it("puts the realised ROC-AUC, precision@K and TP inside their 95% bands in ≥ 90% of 200 seeded trials (true probabilities)", () => {
    const hits = { auc: 0, precisionAtK: 0, tp: 0 };
    let aucError = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { p, y } = syntheticRun(1000 + t, ROWS);
      const estimate = estimatePerformance(p, { k: K, samples: 400, seed: 5000 + t });
      if (inside(rocAuc(y, p), estimate.rocAuc!)) hits.auc++;
      if (inside(precisionAtK(y, p, K), estimate.precisionAtK)) hits.precisionAtK++;
      if (inside(confusionMatrix(y, p, 0.5).tp, estimate.confusion.tp)) hits.tp++;
      aucError += rocAuc(y, p) - estimate.rocAuc!.estimate;
    }
    // Nominal 95%: 180 of 200 leaves room for the binomial spread of the count (sd ≈ 3) and the Monte-Carlo edges.
    expect(hits.auc).toBeGreaterThanOrEqual(180);
    expect(hits.precisionAtK).toBeGreaterThanOrEqual(180);
    expect(hits.tp).toBeGreaterThanOrEqual(180);
    // The point estimate is unbiased to well within one band width (~0.08 for AUC at 500 rows).
    expect(Math.abs(aucError / TRIALS)).toBeLessThan(0.005);
  });

  it("keeps that coverage when the probabilities come from a calibrator fitted on a validation slice of an over-confident model", () => {
    // The model's margins are twice the truth's log-odds (over-confident); Platt on 3,000 validation rows corrects it,
    // and the estimate ranks by the raw margins as scoring does.
    let aucHits = 0;
    let topHits = 0;
    for (let t = 0; t < TRIALS; t++) {
      const validation = syntheticRun(20_000 + t, 3000);
      const calibrator = fitCalibrator(validation.margin.map((m) => 2 * (m - 1.2)), validation.y, "platt");
      const run = syntheticRun(40_000 + t, ROWS);
      const raw = run.margin.map((m) => 2 * (m - 1.2));
      const estimate = estimatePerformance(calibrator.apply(raw), { scores: raw, k: K, samples: 400, seed: t });
      if (inside(rocAuc(run.y, raw), estimate.rocAuc!)) aucHits++;
      if (inside(precisionAtK(run.y, raw, K), estimate.precisionAtK)) topHits++;
    }
    expect(aucHits).toBeGreaterThanOrEqual(180);
    expect(topHits).toBeGreaterThanOrEqual(180);
  });

  it("misses far more often on miscalibrated probabilities (the bands are not vacuous)", () => {
    // Halved probabilities under-state churn, so precision@K's band sits below the realised value; flattened
    // log-odds (×0.4, under-confident) expect a lower AUC than the labels give. Both miss in all 50 trials today.
    let topHits = 0;
    let aucHits = 0;
    for (let t = 0; t < 50; t++) {
      const { p, y } = syntheticRun(1000 + t, ROWS);
      const halved = estimatePerformance(p.map((v) => v / 2), { k: K, samples: 200, seed: t });
      if (inside(precisionAtK(y, p, K), halved.precisionAtK)) topHits++;
      const flattened = estimatePerformance(p.map((v) => sigmoid(0.4 * Math.log(v / (1 - v)))), { samples: 200, seed: t });
      if (inside(rocAuc(y, p), flattened.rocAuc!)) aucHits++;
    }
    expect(topHits).toBeLessThan(10);
    expect(aucHits).toBeLessThan(10);
  });

  it("reports the expected counts, K and band settings, and mirrors the FP and TN bands from TP and FN", () => {
    const { p } = syntheticRun(3, 300);
    const e = estimatePerformance(p, { threshold: 0.4, k: 1000, samples: 100, seed: 9 });
    const predictedPositives = p.filter((v) => v >= 0.4).length;
    expect(e.rows).toBe(300);
    expect(e.precisionAtK.k).toBe(300); // clamped to the rows
    expect(e.band).toEqual({ level: 0.95, samples: 100, seed: 9 });
    expect(e.expectedPositives).toBeCloseTo(p.reduce((s, v) => s + v, 0), 9);
    expect(e.confusion.tp.estimate + e.confusion.fp.estimate).toBeCloseTo(predictedPositives, 9);
    expect(e.confusion.fp.lower).toBe(predictedPositives - e.confusion.tp.upper);
    expect(e.confusion.tp.lower).toBeLessThanOrEqual(e.confusion.tp.estimate);
    expect(e.confusion.tp.upper).toBeGreaterThanOrEqual(e.confusion.tp.estimate);
    // Same seed, same band; another seed moves the Monte-Carlo edges.
    expect(estimatePerformance(p, { threshold: 0.4, k: 1000, samples: 100, seed: 9 })).toEqual(e);
  });

  it("has no ROC-AUC when no positive (or no negative) is expected, and zero-width bands for certain labels", () => {
    const e = estimatePerformance([0, 0, 0], { samples: 20 });
    expect(e.rocAuc).toBeNull();
    expect(e.precisionAtK).toEqual({ k: 3, estimate: 0, lower: 0, upper: 0 });
    expect(e.confusion.tn).toEqual({ estimate: 3, lower: 3, upper: 3 });
  });

  it("throws a RangeError on bad options", () => {
    expect(() => estimatePerformance([0.2, 0.3], { samples: 0 })).toThrow(RangeError);
    expect(() => estimatePerformance([0.2, 0.3], { level: 1 })).toThrow(RangeError);
    expect(() => estimatePerformance([0.2, 0.3], { k: -1 })).toThrow(RangeError);
    expect(() => estimatePerformance([])).toThrow(RangeError);
  });
});

describe("sampleLabelMetrics", () => {
  it("computes each draw's metrics exactly as lib/ml would on the same drawn labels", () => {
    const { margin, p } = syntheticRun(77, 200);
    // Round the ranking to one decimal so it has tie groups.
    const ranking = margin.map((m) => Math.round(m * 10) / 10);
    const drawn = sampleLabelMetrics(p, ranking, { threshold: 0.3, k: 20, samples: 3, seed: 123 });
    // Replay the stream: one uniform per row, rows in descending ranking order, sample after sample.
    const random = mulberry32(123);
    const order = descendingOrder(ranking);
    for (let s = 0; s < 3; s++) {
      const y = new Uint8Array(200);
      for (const i of order) y[i] = random() < p[i]! ? 1 : 0;
      const m = confusionMatrix(y, p, 0.3);
      expect([drawn.tp[s], drawn.fn[s]]).toEqual([m.tp, m.fn]);
      expect(drawn.precisionAtK[s]).toBe(precisionAtK(y, ranking, 20));
      expect(drawn.rocAuc[s]).toBeCloseTo(rocAuc(y, ranking), 14);
    }
  });
});
