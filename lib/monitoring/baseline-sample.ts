import { createHash } from "node:crypto";

// The deterministic rule that picks a dataset's PSI baseline sample: a row is in the sample when the sha256 of
// "<entity id>|<as-of day>" read as a fraction in [0, 1) is below the share. The same rows give the same sample on
// every engine, in any row order and on a rerun after a crash (no seed to store, no ORDER BY random()), and the
// count is exact for a given set of rows (tests recompute it). Pure: no I/O.

/** The row's position in [0, 1): the first 48 bits of sha256("<entityId>|<asOfDay>") over 2^48. */
export function sampleFraction(entityId: string, asOfDay: number | null): number {
  const digest = createHash("sha256").update(`${entityId}|${asOfDay === null || Number.isNaN(asOfDay) ? "" : asOfDay}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Indices of the rows in the baseline sample of `share` (0 < share ≤ 1), ascending.
 *
 * @param asOf as-of day per row (days since 1970-01-01), absent for one-row-per-entity data
 * @throws {RangeError} if share is outside (0, 1] or the lengths differ
 * @example baselineSampleRows(["1", "2", "3"], undefined, 1) // [0, 1, 2]
 */
export function baselineSampleRows(entityIds: readonly string[], asOf: ArrayLike<number> | undefined, share: number): number[] {
  if (!(share > 0 && share <= 1)) throw new RangeError(`baselineSampleRows: share must be in (0, 1], got ${share}`);
  if (asOf && asOf.length !== entityIds.length) throw new RangeError(`baselineSampleRows: ${entityIds.length} entity ids but ${asOf.length} as-of days`);
  const keep: number[] = [];
  for (let i = 0; i < entityIds.length; i++) {
    if (share === 1 || sampleFraction(entityIds[i]!, asOf ? asOf[i]! : null) < share) keep.push(i);
  }
  return keep;
}
