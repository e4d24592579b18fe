import { describe, expect, it } from "vitest";
import { rocAuc } from "../metrics/roc-auc.ts";
import { seededRandom } from "../seeded-random.ts";
import type { Matrix } from "../types.ts";
import { BaselineLogisticModel, fitBaselineLogistic } from "./baseline-logistic.ts";
import { stratifiedRowSample } from "./stratified-row-sample.ts";

/** Two Gaussian clouds 3 standard deviations apart along (1, −1, 0): clearly separable, 25% positives. */
function separable(rows: number, seed: number): { x: Matrix; y: Uint8Array } {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const data = new Float64Array(rows * 3);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = random() < 0.25 ? 1 : 0;
    const shift = y[i] ? 1.5 : -1.5;
    data[i] = shift / Math.SQRT2 + normal();
    data[rows + i] = -shift / Math.SQRT2 + normal();
    data[2 * rows + i] = normal();
  }
  return { x: { rows, cols: 3, data }, y };
}

describe("fitBaselineLogistic", () => {
  it("learns a clearly separable problem (test AUC > 0.9) from a capped sample", () => {
    const train = separable(3000, 1);
    const test = separable(2000, 2);
    const model = fitBaselineLogistic(train.x, train.y, { maxRows: 500, steps: 100 });
    // The Bayes-optimal AUC here is Φ(3/√2) ≈ 0.98; a baseline far from converged still clears 0.9.
    expect(rocAuc(test.y, model.probability(test.x))).toBeGreaterThan(0.9);
    // Positive class scores high: the classifier read is the one trained on y itself, not the flipped one.
    expect(model.coef[0]).toBeGreaterThan(0);
    expect(model.coef[1]).toBeLessThan(0);
    expect(model.sampleSize).toBe(500);
    expect(model.trainingRows).toBe(3000);
    expect(model.steps).toBe(100);
  });

  it("records the sample size and steps in its JSON and round-trips", () => {
    const train = separable(600, 3);
    const model = fitBaselineLogistic(train.x, train.y, { maxRows: 200, steps: 20 });
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    expect(json).toMatchObject({ family: "baseline-logistic", sampleSize: 200, trainingRows: 600, steps: 20 });
    const back = BaselineLogisticModel.fromJSON(json);
    expect(Array.from(back.probability(train.x))).toEqual(Array.from(model.probability(train.x)));
  });

  it("is reproducible for a fixed seed", () => {
    const train = separable(800, 4);
    const a = fitBaselineLogistic(train.x, train.y, { maxRows: 300, steps: 10, seed: 9 });
    const b = fitBaselineLogistic(train.x, train.y, { maxRows: 300, steps: 10, seed: 9 });
    expect(Array.from(b.coef)).toEqual(Array.from(a.coef));
  });

  it("rejects a single class", () => {
    const train = separable(100, 5);
    expect(() => fitBaselineLogistic(train.x, new Uint8Array(100))).toThrow(RangeError);
  });
});

describe("stratifiedRowSample", () => {
  it("keeps the class balance of the full data when capping", () => {
    // 10,000 rows with exactly 1,234 positives spread irregularly.
    const y = new Uint8Array(10_000);
    const random = seededRandom(11);
    let placed = 0;
    while (placed < 1234) {
      const i = Math.floor(random() * 10_000);
      if (y[i] === 0) {
        y[i] = 1;
        placed++;
      }
    }
    const rows = stratifiedRowSample(y, 1000, 0);
    expect(rows.length).toBe(1000);
    let positives = 0;
    for (const i of rows) positives += y[i]!;
    expect(positives).toBe(Math.round(1000 * 0.1234)); // 123: exact, where a plain random sample varies by ±10
    expect(new Set(rows).size).toBe(1000); // without replacement
    expect(Array.from(rows)).toEqual(Array.from(rows).sort((a, b) => a - b));
  });

  it("keeps at least one row of a rare class and returns every row under the cap", () => {
    const y = new Uint8Array(5000);
    y[4321] = 1;
    const rows = stratifiedRowSample(y, 100, 0);
    expect(rows.length).toBe(100);
    expect(Array.from(rows)).toContain(4321);
    expect(stratifiedRowSample(new Uint8Array([0, 1, 0]), 10, 0)).toEqual(Uint32Array.from([0, 1, 2]));
  });

  it("draws different rows for different seeds and the same rows for the same seed", () => {
    const y = Uint8Array.from({ length: 2000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    expect(stratifiedRowSample(y, 100, 1)).toEqual(stratifiedRowSample(y, 100, 1));
    expect(stratifiedRowSample(y, 100, 1)).not.toEqual(stratifiedRowSample(y, 100, 2));
  });
});
