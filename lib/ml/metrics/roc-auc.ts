/**
 * Area under the ROC curve for a binary label, with ties handled exactly like
 * scikit-learn's `roc_auc_score` (which integrates the ROC curve with the trapezoid
 * rule, so a tied positive–negative pair contributes 1/2).
 *
 * Computed as the normalised Mann–Whitney U statistic:
 *
 *   AUC = U / (n₊ · n₋),   U = Σ_{i ∈ pos} Σ_{j ∈ neg} ( [s_i > s_j] + ½ · [s_i = s_j] )
 *
 * which is the same number as (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋) with R₊ the sum of the
 * positives' average ranks. U is accumulated per tie group as integer-or-half counts,
 * which are exact in float64, so the only rounding is the final division.
 *
 * Reference: scikit-learn `sklearn.metrics.roc_auc_score`
 * (https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_auc_score.html);
 * Hanley & McNeil (1982), "The meaning and use of the area under a ROC curve".
 *
 * O(n log n): one index sort by score.
 *
 * @param yTrue binary labels, 1 = positive, 0 = negative
 * @param yScore scores, higher = more likely positive (any monotone scale; NaN rejected)
 * @returns AUC in [0, 1]
 * @throws RangeError if lengths differ, inputs are empty, a label is not 0/1,
 *   a score is NaN, or only one class is present
 *
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const n = yTrue.length;
  if (n !== yScore.length) {
    throw new RangeError(`rocAuc: yTrue has ${n} values but yScore has ${yScore.length}`);
  }
  if (n === 0) throw new RangeError("rocAuc needs at least one sample");

  // Copy once into typed arrays: the sort comparator reads them O(n log n) times and
  // ArrayLike inputs may be slow proxies or holey arrays.
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (y !== 0 && y !== 1) {
      throw new RangeError(`rocAuc: yTrue[${i}] = ${String(y)}; labels must be 0 or 1`);
    }
    const s = yScore[i];
    if (typeof s !== "number" || Number.isNaN(s)) {
      throw new RangeError(`rocAuc: yScore[${i}] = ${String(s)}; scores must be numbers, not NaN`);
    }
    labels[i] = y;
    scores[i] = s;
    nPos += y;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) throw new RangeError("rocAuc needs both classes in yTrue");

  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // `|| 0`: Infinity − Infinity is NaN, which would corrupt the sort.
  order.sort((a, b) => scores[a]! - scores[b]! || 0);

  // Walk tie groups in ascending score order: each positive in a group beats every
  // negative seen in earlier groups and half-beats the negatives inside its own group.
  let u = 0;
  let negBelow = 0;
  let start = 0;
  while (start < n) {
    const value = scores[order[start]!];
    let end = start;
    let posInGroup = 0;
    while (end < n && scores[order[end]!] === value) {
      posInGroup += labels[order[end]!]!;
      end++;
    }
    const negInGroup = end - start - posInGroup;
    u += posInGroup * negBelow + (posInGroup * negInGroup) / 2;
    negBelow += negInGroup;
    start = end;
  }
  return u / (nPos * nNeg);
}
