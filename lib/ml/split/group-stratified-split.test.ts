import { describe, expect, it } from "vitest";
import { groupStratifiedSplit } from "./group-stratified-split.ts";

function panel(entities: number, weeks: number) {
  const groups: string[] = [];
  const labels: number[] = [];
  for (let e = 0; e < entities; e++) for (let w = 0; w < weeks; w++) {
    groups.push(`b${e}`);
    labels.push(e % 4 === 0 ? 1 : 0); // a quarter of the entities churn, on every row
  }
  return { groups, labels: Uint8Array.from(labels) };
}

describe("groupStratifiedSplit", () => {
  it("keeps every row of an entity in one part", () => {
    const { groups, labels } = panel(200, 8);
    const split = groupStratifiedSplit(groups, labels, { testShare: 0.2, validationShare: 0.2, seed: 7 });
    const partOf = new Map<string, string>();
    for (const [name, rows] of Object.entries(split)) {
      for (const r of rows as Uint32Array) {
        const seen = partOf.get(groups[r]!);
        expect(seen === undefined || seen === name).toBe(true);
        partOf.set(groups[r]!, name);
      }
    }
    expect(partOf.size).toBe(200);
  });

  it("is complete, disjoint and sorted, and stratifies entities by label", () => {
    const { groups, labels } = panel(200, 8);
    const split = groupStratifiedSplit(groups, labels, { testShare: 0.2, validationShare: 0.2, seed: 7 });
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1600 }, (_, i) => i));
    for (const rows of [split.train, split.validation, split.test]) expect([...rows]).toEqual([...rows].sort((a, b) => a - b));
    // 50 churning entities: round(0.2 · 50) = 10 go to test (80 rows); 150 others: 30 (240 rows).
    const testPositives = [...split.test].filter((r) => labels[r] === 1).length;
    expect(testPositives).toBe(80);
    expect(split.test.length).toBe(320);
  });

  it("gives the same split for the same seed and a different one for another seed", () => {
    const { groups, labels } = panel(100, 3);
    const a = groupStratifiedSplit(groups, labels, { seed: 1 });
    const b = groupStratifiedSplit(groups, labels, { seed: 1 });
    const c = groupStratifiedSplit(groups, labels, { seed: 2 });
    expect([...a.test]).toEqual([...b.test]);
    expect([...a.test]).not.toEqual([...c.test]);
  });

  it("rejects mismatched lengths and non-binary labels", () => {
    expect(() => groupStratifiedSplit(["a"], Uint8Array.from([0, 1]))).toThrow(RangeError);
    expect(() => groupStratifiedSplit(["a", "b"], Uint8Array.from([0, 2]))).toThrow(/0 or 1/);
  });
});
