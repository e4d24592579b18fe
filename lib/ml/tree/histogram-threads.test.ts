import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { fitGradientBoosting } from "./fit-gradient-boosting.ts";
import { type BinnedData, growWorkspace } from "./grow-tree.ts";
import { histogramTeam } from "./histogram-threads.ts";

/** 60,000 rows × 9 features of skewed bins (some features with a missing bin), labels from two of them. */
function binnedProblem(): { data: BinnedData; x: { rows: number; cols: number; data: Float64Array }; y: Uint8Array } {
  const random = mulberry32(21);
  const n = 60_000;
  const features = 9;
  const x = new Float64Array(n * features);
  for (let k = 0; k < x.length; k++) x[k] = random() < 0.05 ? Number.NaN : random() ** 2 * 10;
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = (x[i]! > 3 ? 1 : 0) ^ (x[n + i]! < 1 ? 1 : 0) ^ (random() < 0.15 ? 1 : 0);
  const binned = new Uint8Array(n * features);
  for (let k = 0; k < x.length; k++) binned[k] = x[k] !== x[k] ? 255 : Math.floor(x[k]! * 25);
  const data: BinnedData = { binned, n, features, binsPerFeature: 256, binCounts: new Int32Array(features).fill(250), hasMissing: new Uint8Array(features).fill(1) };
  return { data, x: { rows: n, cols: features, data: x }, y };
}

describe("histogramTeam", () => {
  it("builds the same histograms as one thread, the helper doing its half", () => {
    const { data } = binnedProblem();
    const team = histogramTeam(data)!;
    expect(team).not.toBeNull();
    try {
      const serial = growWorkspace(data);
      const random = mulberry32(4);
      const gradHess = Float64Array.from({ length: 2 * data.n }, (_, k) => (k % 2 === 0 ? random() - 0.5 : random() * 0.25));
      for (const work of [team.work, serial]) {
        work.gradHess.set(gradHess);
        for (let i = 0; i < data.n; i++) work.rows[i] = i;
      }
      const size = 9 * 256 * 3;
      const [a, b] = [new Float64Array(size), new Float64Array(size)];
      team.work.buildHistogram(a, 0, data.n, true);
      serial.buildHistogram(b, 0, data.n, true);
      expect(Array.from(a)).toEqual(Array.from(b));
      // a node: every third row, from row 300 on (above the size where the helper is woken)
      const node = Uint32Array.from({ length: 30_000 }, (_, k) => 300 + 3 * (k % 19_900));
      team.work.rows.set(node);
      serial.rows.set(node);
      team.work.buildHistogram(a, 0, node.length, false);
      serial.buildHistogram(b, 0, node.length, false);
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(team.helperJobs()).toBe(2);
    } finally {
      team.close();
    }
  });

  it("reads bins already in shared memory in place, and copies private ones once", () => {
    const { data } = binnedProblem();
    const copied = histogramTeam(data)!;
    const sharedBins = new Uint8Array(new SharedArrayBuffer(data.binned.length));
    sharedBins.set(data.binned);
    const inPlace = histogramTeam({ ...data, binned: sharedBins })!;
    try {
      expect(copied.data.binned).not.toBe(data.binned);
      expect(copied.data.binned.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(inPlace.data.binned).toBe(sharedBins); // fitGradientBoosting bins there: the fit holds one copy
    } finally {
      copied.close();
      inPlace.close();
    }
  });

  it("a fit on 2 threads grows the same trees as on 1", () => {
    const { x, y } = binnedProblem();
    const options = { maxIter: 6, maxDepth: 4, earlyStopping: false } as const;
    const one = fitGradientBoosting(x, y, { ...options, threads: 1 });
    const two = fitGradientBoosting(x, y, { ...options, threads: 2 });
    expect(JSON.stringify(two.toJSON())).toBe(JSON.stringify(one.toJSON()));
  });
});
