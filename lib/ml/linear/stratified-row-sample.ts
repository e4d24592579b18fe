import { sampleIndices, seededRandom } from "../seeded-random.ts";

/**
 * At most `cap` row indices (sorted), drawn without replacement separately within each class so the sample keeps the
 * label's class balance: class c gets round(cap · n_c / n) rows, at least one while the class has any (a baseline
 * fitted on one class would be meaningless). Returns every row when n ≤ cap. Seeded, so a retrain samples the
 * same rows.
 * @throws RangeError if cap < 2
 */
export function stratifiedRowSample(y: Uint8Array, cap: number, seed: number): Uint32Array {
  const n = y.length;
  if (!Number.isInteger(cap) || cap < 2) throw new RangeError(`stratifiedRowSample: cap must be an integer ≥ 2, got ${cap}`);
  if (n <= cap) return Uint32Array.from({ length: n }, (_, i) => i);
  const byClass: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) byClass[y[i] === 1 ? 1 : 0].push(i);
  const random = seededRandom(seed);
  const positives = byClass[1].length;
  const positiveTake = positives === 0 ? 0 : Math.min(positives, cap - 1, Math.max(1, Math.round((cap * positives) / n)));
  const takes = [cap - positiveTake, positiveTake] as const;
  const picked: number[] = [];
  for (const c of [0, 1] as const) {
    const rows = byClass[c];
    for (const k of sampleIndices(rows.length, Math.min(takes[c], rows.length), random)) picked.push(rows[k]!);
  }
  return Uint32Array.from(picked).sort();
}
