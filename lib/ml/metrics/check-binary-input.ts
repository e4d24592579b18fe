/** Validated copy of a (labels, scores) pair, shared by every metric in this folder. */
export interface BinaryInput {
  labels: Uint8Array;
  scores: Float64Array;
  positives: number;
}

/**
 * Copies `yTrue`/`yScore` into typed arrays and checks them once, so each metric can loop without re-checking.
 * Same rules as `rocAuc`: equal lengths, at least one row, labels 0/1, scores are numbers and not NaN.
 * O(n).
 *
 * @param metric the calling metric's name, used in error messages
 * @throws RangeError on mismatched lengths, empty input, a non-0/1 label or a NaN score
 */
export function checkBinaryInput(
  metric: string,
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
): BinaryInput {
  const n = yTrue.length;
  if (n !== yScore.length) {
    throw new RangeError(`${metric}: yTrue has ${n} values but yScore has ${yScore.length}`);
  }
  if (n === 0) throw new RangeError(`${metric} needs at least one sample`);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (y !== 0 && y !== 1) {
      throw new RangeError(`${metric}: yTrue[${i}] = ${String(y)}; labels must be 0 or 1`);
    }
    const s = yScore[i];
    if (typeof s !== "number" || Number.isNaN(s)) {
      throw new RangeError(`${metric}: yScore[${i}] = ${String(s)}; scores must be numbers, not NaN`);
    }
    labels[i] = y;
    scores[i] = s;
    positives += y;
  }
  return { labels, scores, positives };
}

/** Throws unless both classes are present (curves and ranking metrics are undefined otherwise). */
export function requireBothClasses(metric: string, input: BinaryInput): void {
  if (input.positives === 0 || input.positives === input.labels.length) {
    throw new RangeError(`${metric} needs both classes in yTrue`);
  }
}
