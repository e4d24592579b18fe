/**
 * `num` numbers evenly spaced on a log10 scale from 10^start to 10^stop inclusive, like numpy.logspace(start, stop,
 * num): 10 ** (start + k·(stop − start)/(num − 1)). The endpoints are exact powers of ten.
 * @throws RangeError if num is not a positive integer
 * @example logspace(-3, 2, 8)[0] // 0.001
 */
export function logspace(start: number, stop: number, num: number): number[] {
  if (!Number.isInteger(num) || num < 1) throw new RangeError(`logspace: num must be a positive integer, got ${num}`);
  if (num === 1) return [10 ** start];
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, k) => 10 ** (k === num - 1 ? stop : start + k * step));
}
