import { checkShare, type RowSplit } from "./row-split.ts";
import { stratifiedSplit, type StratifiedSplitOptions } from "./stratified-split.ts";

/**
 * Stratified split of whole entities: every row of an entity lands in the same part. Weekly snapshots repeat a
 * buyer (with the same EVALUATE label) once per week, so a row split would put the same buyer in training and test
 * and measure memory, not prediction. Entities are stratified on their label (1 if any of their rows is 1), in
 * order of first appearance, with stratifiedSplit's seeded shuffle, so the same rows and seed give the same split.
 *
 * Reference: scikit-learn `StratifiedGroupKFold` (same goal: groups kept whole, class shares kept per part).
 *
 * O(n) plus a Map of entities.
 * @throws RangeError when lengths differ, on a label other than 0/1, or bad shares
 */
export function groupStratifiedSplit(groups: readonly string[], labels: Uint8Array, options: StratifiedSplitOptions = {}): RowSplit {
  if (groups.length !== labels.length) throw new RangeError(`groupStratifiedSplit: ${groups.length} groups but ${labels.length} labels`);
  checkShare("groupStratifiedSplit", "testShare", options.testShare ?? 0.2);
  const indexOf = new Map<string, number>();
  const groupOfRow = new Uint32Array(groups.length);
  const groupLabels: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const y = labels[i]!;
    if (y !== 0 && y !== 1) throw new RangeError(`groupStratifiedSplit: labels[${i}] = ${y}; labels must be 0 or 1`);
    let g = indexOf.get(groups[i]!);
    if (g === undefined) {
      g = groupLabels.length;
      indexOf.set(groups[i]!, g);
      groupLabels.push(0);
    }
    groupOfRow[i] = g;
    if (y === 1) groupLabels[g] = 1;
  }
  const byGroup = stratifiedSplit(Uint8Array.from(groupLabels), options);
  const partOfGroup = new Uint8Array(groupLabels.length); // 0 train, 1 validation, 2 test
  for (const g of byGroup.validation) partOfGroup[g] = 1;
  for (const g of byGroup.test) partOfGroup[g] = 2;
  const parts: number[][] = [[], [], []];
  for (let i = 0; i < groups.length; i++) parts[partOfGroup[groupOfRow[i]!]!]!.push(i);
  return { train: Uint32Array.from(parts[0]!), validation: Uint32Array.from(parts[1]!), test: Uint32Array.from(parts[2]!) };
}
