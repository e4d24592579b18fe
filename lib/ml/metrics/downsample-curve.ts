/** A curve thinned to at most `maxPoints`; `indices` are the kept positions (to pick thresholds alongside). */
export interface DownsampledCurve {
  x: Float64Array;
  y: Float64Array;
  indices: Uint32Array;
}

/**
 * Largest-Triangle-Three-Buckets: keeps the first and last point, splits the rest into maxPoints − 2 buckets
 * and from each keeps the point forming the largest triangle with the previously kept point and the mean of the
 * next bucket. Corners (where a curve bends) make large triangles, so the shape survives; straight stretches,
 * which carry no information, are thinned first. Curves with ≤ maxPoints points are returned unchanged.
 *
 * Reference: S. Steinarsson (2013), "Downsampling Time Series for Visual Representation", MSc thesis,
 * University of Iceland, §4.2.
 *
 * O(n).
 *
 * @throws RangeError when lengths differ or maxPoints < 3
 */
export function downsampleCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = 200): DownsampledCurve {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`downsampleCurve: x has ${n} values but y has ${y.length}`);
  if (!Number.isInteger(maxPoints) || maxPoints < 3) {
    throw new RangeError(`downsampleCurve: maxPoints = ${maxPoints}; need an integer >= 3`);
  }
  let indices: Uint32Array;
  if (n <= maxPoints) {
    indices = Uint32Array.from({ length: n }, (_, i) => i);
  } else {
    indices = new Uint32Array(maxPoints);
    const bucketSize = (n - 2) / (maxPoints - 2);
    let previous = 0;
    for (let b = 0; b < maxPoints - 2; b++) {
      const start = Math.floor(b * bucketSize) + 1;
      const end = Math.floor((b + 1) * bucketSize) + 1;
      // Mean of the next bucket (the last point when this is the last bucket).
      const nextStart = end;
      const nextEnd = Math.min(Math.floor((b + 2) * bucketSize) + 1, n);
      let meanX = 0;
      let meanY = 0;
      for (let i = nextStart; i < nextEnd; i++) {
        meanX += x[i];
        meanY += y[i];
      }
      const nextCount = nextEnd - nextStart;
      meanX /= nextCount;
      meanY /= nextCount;
      let best = start;
      let bestArea = -1;
      const ax = x[previous];
      const ay = y[previous];
      for (let i = start; i < end; i++) {
        const area = Math.abs((ax - meanX) * (y[i] - ay) - (ax - x[i]) * (meanY - ay));
        if (area > bestArea) {
          bestArea = area;
          best = i;
        }
      }
      indices[b + 1] = best;
      previous = best;
    }
    indices[0] = 0;
    indices[maxPoints - 1] = n - 1;
  }
  return {
    x: Float64Array.from(indices, (i) => x[i]),
    y: Float64Array.from(indices, (i) => y[i]),
    indices,
  };
}
