import { mulberry32 } from "../../ml/random.ts";
import { descendingOrder } from "./descending-order.ts";

/** What one simulated set of labels scores: the metrics the estimate reports, realised on labels y ~ Bernoulli(p). */
export interface SampledMetrics {
  /** true positives and false negatives at the threshold, one per sample (FP and TN follow from the row counts) */
  tp: Float64Array;
  fn: Float64Array;
  /** precision@K per sample */
  precisionAtK: Float64Array;
  /** ROC-AUC per sample, NaN for a sample that drew one class only (AUC undefined) */
  rocAuc: Float64Array;
}

export interface SampleOptions {
  /** predicted positive when p ≥ threshold */
  threshold: number;
  /** K of precision@K, already clamped to the rows */
  k: number;
  samples: number;
  seed: number;
}

/**
 * Monte-Carlo draws of the realised metrics: each sample draws every row's label y ~ Bernoulli(pᵢ) (independent,
 * from one mulberry32 stream seeded with `seed`) and computes TP and FN at the threshold, precision@K over the top K
 * of `ranking`, and ROC-AUC of `ranking` (ties count one half, as rocAuc). If the probabilities are calibrated, the
 * realised metric of the real labels is one more draw from this same distribution; its percentiles are the band.
 *
 * The ranking is sorted once; each sample is one O(n) pass in rank order (the AUC walks tie groups from the top:
 * a negative adds the positives ranked above it, plus half of those tied with it). O(samples · n + n log n).
 */
export function sampleLabelMetrics(probabilities: ArrayLike<number>, ranking: ArrayLike<number>, options: SampleOptions): SampledMetrics {
  const { threshold, k, samples, seed } = options;
  const n = probabilities.length;
  const order = descendingOrder(ranking);
  // Rank-ordered copies, so the inner loop reads memory forward only.
  const p = new Float64Array(n);
  const predictedPositive = new Uint8Array(n);
  const endsGroup = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    p[r] = probabilities[order[r]!]!;
    predictedPositive[r] = p[r]! >= threshold ? 1 : 0;
    endsGroup[r] = r === n - 1 || ranking[order[r]!] !== ranking[order[r + 1]!] ? 1 : 0;
  }
  const out: SampledMetrics = { tp: new Float64Array(samples), fn: new Float64Array(samples), precisionAtK: new Float64Array(samples), rocAuc: new Float64Array(samples) };
  const random = mulberry32(seed);
  for (let s = 0; s < samples; s++) {
    let tp = 0;
    let fn = 0;
    let topHits = 0;
    let positivesAbove = 0;
    let groupPositives = 0;
    let groupNegatives = 0;
    let pairs = 0; // U statistic: (positive, negative) pairs ordered correctly, ties one half
    for (let r = 0; r < n; r++) {
      const y = random() < p[r]! ? 1 : 0;
      if (y === 1) {
        if (predictedPositive[r] === 1) tp++;
        else fn++;
        if (r < k) topHits++;
        groupPositives++;
      } else {
        groupNegatives++;
      }
      if (endsGroup[r] === 1) {
        pairs += groupNegatives * (positivesAbove + groupPositives / 2);
        positivesAbove += groupPositives;
        groupPositives = 0;
        groupNegatives = 0;
      }
    }
    const negatives = n - positivesAbove;
    out.tp[s] = tp;
    out.fn[s] = fn;
    out.precisionAtK[s] = topHits / k;
    out.rocAuc[s] = positivesAbove === 0 || negatives === 0 ? Number.NaN : pairs / (positivesAbove * negatives);
  }
  return out;
}
