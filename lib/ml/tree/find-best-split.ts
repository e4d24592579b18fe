/** Constraints of a split, in scikit-learn's terms. */
export interface SplitConstraints {
  /** fewest rows on each side (sklearn `min_samples_leaf`) */
  minSamplesLeaf: number;
  /** smallest hessian sum on each side (sklearn `min_hessian_to_split`, 1e-3) */
  minHessian: number;
  /** λ of the L2 leaf penalty (sklearn `l2_regularization`) */
  l2: number;
}

/** The best split of a node: rows whose bin ≤ `bin` go left, missing ones (bin = missing bin) by `missingLeft`. */
export interface SplitInfo {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  gradientLeft: number;
  hessianLeft: number;
  countLeft: number;
}

/** Histogram slots per bin: sum of gradients, sum of hessians, row count. */
export const HIST_STRIDE = 3;

/**
 * −loss of a leaf holding gradient sum G and hessian sum H after its Newton step: G² / (H + λ). The gain of a split is
 * the score of the children minus the parent's (the second-order loss reduction, without XGBoost's factor ½,
 * exactly as sklearn's `_split_gain`).
 */
export function leafScore(gradient: number, hessian: number, l2: number): number {
  return (gradient * gradient) / (hessian + l2);
}

/**
 * Best split of one node over all features from its histograms. Per feature two scans, as scikit-learn's splitter:
 * left to right with the missing bin sent right (which includes the split "all non-missing left, missing right"),
 * and, when the feature had missing values in training, right to left with the missing bin sent left. A candidate
 * must leave minSamplesLeaf rows and minHessian hessian on each side; the first strictly best gain above 0 wins
 * (features in order, left-to-right scan first), so ties break deterministically.
 *
 * gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), right sums = node sums − left sums.
 *
 * Reference: scikit-learn `splitting.pyx` (`_find_best_bin_to_split_left_to_right`, `..._right_to_left`,
 * `_split_gain`); Chen & Guestrin (2016), "XGBoost", eq. 7.
 *
 * O(features · bins).
 *
 * @param hist node histogram: feature f, bin b at ((f · binsPerFeature) + b) · HIST_STRIDE
 * @param binsPerFeature histogram slots per feature (maxBins + 1; the last is the missing bin)
 * @param binCounts non-missing bins per feature
 * @param hasMissing 1 when the feature had missing values in training
 * @returns null when no split has positive gain under the constraints
 */
export function findBestSplit(
  hist: Float64Array,
  binsPerFeature: number,
  binCounts: ArrayLike<number>,
  hasMissing: ArrayLike<number>,
  gradient: number,
  hessian: number,
  count: number,
  constraints: SplitConstraints,
): SplitInfo | null {
  const { minSamplesLeaf, minHessian, l2 } = constraints;
  const parentScore = leafScore(gradient, hessian, l2);
  let best: SplitInfo | null = null;
  let bestGain = 0;
  for (let f = 0; f < binCounts.length; f++) {
    const base = f * binsPerFeature * HIST_STRIDE;
    const nonMissing = binCounts[f]!;
    const missing = hasMissing[f]! === 1;
    // missing → right: the last candidate (bin nonMissing − 1) is "every non-missing value left"
    let gL = 0;
    let hL = 0;
    let nL = 0;
    const end = nonMissing - 1 + (missing ? 1 : 0);
    for (let b = 0; b < end; b++) {
      const o = base + b * HIST_STRIDE;
      gL += hist[o]!;
      hL += hist[o + 1]!;
      nL += hist[o + 2]!;
      if (nL < minSamplesLeaf) continue;
      if (count - nL < minSamplesLeaf) break;
      const hR = hessian - hL;
      if (hL < minHessian) continue;
      if (hR < minHessian) break;
      const gain = leafScore(gL, hL, l2) + leafScore(gradient - gL, hR, l2) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin: b, missingLeft: false, gradientLeft: gL, hessianLeft: hL, countLeft: nL };
      }
    }
    if (!missing) continue;
    // missing → left: accumulate the right side from the top non-missing bin down
    let gR = 0;
    let hR = 0;
    let nR = 0;
    for (let b = nonMissing - 2; b >= 0; b--) {
      const o = base + (b + 1) * HIST_STRIDE;
      gR += hist[o]!;
      hR += hist[o + 1]!;
      nR += hist[o + 2]!;
      if (nR < minSamplesLeaf) continue;
      const countLeft = count - nR;
      if (countLeft < minSamplesLeaf) break;
      const hessianLeft = hessian - hR;
      if (hR < minHessian) continue;
      if (hessianLeft < minHessian) break;
      const gradientLeft = gradient - gR;
      const gain = leafScore(gradientLeft, hessianLeft, l2) + leafScore(gR, hR, l2) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin: b, missingLeft: true, gradientLeft, hessianLeft, countLeft };
      }
    }
  }
  // A feature without missing values in training: a missing value met later follows the larger child (sklearn).
  if (best && hasMissing[best.feature]! !== 1) best.missingLeft = best.countLeft > count - best.countLeft;
  return best;
}
