import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fitBaselineLogistic } from "../lib/ml/linear/baseline-logistic.ts";
import { fitLogisticRegression } from "../lib/ml/linear/fit-logistic-regression.ts";
import { LinearModel } from "../lib/ml/linear/linear-model.ts";
import { rocAuc } from "../lib/ml/metrics/roc-auc.ts";
import { DEFAULT_CS, DEFAULT_L1_RATIOS, gridSearchLinear } from "../lib/ml/search/grid-search-linear.ts";
import type { Matrix } from "../lib/ml/types.ts";
import { median } from "./bench-helpers.ts";
import { syntheticChurnProblem } from "./train-synthetic.ts";
import { benchEngines, elearningTrainingData, onFreshEngine } from "./trained-runs.ts";

// `npm run bench -- train`: churnops' solver against scikit-learn on an e-learning-sized synthetic training set
// (`npm run bench -- train elearning`: on the real e-learning training matrix), ratios from one run. (1) the L2 fit
// (C = 1) against sklearn's default lbfgs, at equal training log loss (±1e-6); (2) the default 8 × 3 elastic-net
// grid against sklearn saga over the same grid, at equal validation AUC; (3) the ml-logistic-regression baseline's
// time and AUC. sklearn comes from Debian (scripts/ensure-sklearn.sh).
const TRAIN_ROWS = 180_000;
const VALIDATION_ROWS = 45_000;
const COLS = 31;
const SEED = 1;
const REPEATS = 3;
const C = 1;

interface SklearnFit {
  coef: number[];
  intercept: number;
}
interface SklearnResult {
  sklearn: string;
  l2: SklearnFit & { runs: { seconds: number; cpu: number; n_iter: number }[] };
  grid: { seconds: number; cpu: number; fits: (SklearnFit & { C: number; l1_ratio: number; seconds: number; n_iter: number })[] };
}

export async function benchTrain(): Promise<void> {
  if (process.argv[3] === "elearning") {
    // The real e-learning training matrix: the default sample loaded into a fresh Postgres database
    // (BENCH_ENGINES=embedded for the embedded engine), its features built and its train / validation parts made
    // by the pipeline's own trainingData(), as train-elearning's first steps do. Loading finishes before any timing.
    const engine = benchEngines()[0] ?? "postgres";
    await onFreshEngine(engine, "train", async () => {
      const { sourceRunId, data } = await elearningTrainingData();
      const { train, validation } = data;
      console.log(`data: the default e-learning sample's training matrix (train-elearning's trainingData() on ${engine}, load run ${sourceRunId}), ${train.x.rows} train + ${validation.x.rows} validation rows (time split) × ${train.x.cols} design columns, churn rate ${(mean(train.y) * 100).toFixed(1)}%`);
      await compareSolvers(train.x, train.y, validation.x, validation.y);
    });
    return;
  }
  const all = syntheticChurnProblem(TRAIN_ROWS + VALIDATION_ROWS, COLS, SEED);
  const train = rowSlice(all.x, 0, TRAIN_ROWS);
  const yTrain = all.y.slice(0, TRAIN_ROWS);
  const validation = rowSlice(all.x, TRAIN_ROWS, TRAIN_ROWS + VALIDATION_ROWS);
  const yValidation = all.y.slice(TRAIN_ROWS);
  console.log(`data: synthetic logistic problem, ${TRAIN_ROWS} train + ${VALIDATION_ROWS} validation rows × ${COLS} standardised columns (seed ${SEED}), churn rate ${(mean(yTrain) * 100).toFixed(1)}%`);
  console.log("      (`npm run bench -- train elearning` runs the same comparison on the real e-learning training matrix)");
  await compareSolvers(train, yTrain, validation, yValidation);
}

/** Our L2 fit and elastic-net grid against sklearn lbfgs and saga on one problem; ratios from this run. */
async function compareSolvers(train: Matrix, yTrain: Uint8Array, validation: Matrix, yValidation: Uint8Array): Promise<void> {
  // 1. Our L2 fit, cold each time; on synthetic data the first run includes V8's warm-up, as a pipeline's single
  // fit would.
  const oursSeconds: number[] = [];
  const oursCpu: number[] = [];
  let ours!: LinearModel;
  for (let r = 0; r < REPEATS; r++) {
    const [seconds, cpu] = timed(() => (ours = fitLogisticRegression(train, yTrain, { C })));
    oursSeconds.push(seconds);
    oursCpu.push(cpu);
  }
  const oursLoss = meanLogLoss(yTrain, ours.probability(train));
  // The same fit stopped at KKT ≤ 1e-5 instead of the default 1e-7: still 10× stricter than sklearn's tol 1e-4 on
  // the same gradient scale, and the question the target asks is speed at equal log loss, checked below.
  const looseSeconds: number[] = [];
  const looseCpu: number[] = [];
  let loose!: LinearModel;
  for (let r = 0; r < REPEATS; r++) {
    const [seconds, cpu] = timed(() => (loose = fitLogisticRegression(train, yTrain, { C, tol: 1e-5 })));
    looseSeconds.push(seconds);
    looseCpu.push(cpu);
  }
  const looseLoss = meanLogLoss(yTrain, loose.probability(train));
  const d = ours.diagnostics!;
  console.log(`churnops L2 fit (C=${C}):  ${fmt(median(oursSeconds))} s median of ${REPEATS} (first ${fmt(oursSeconds[0]!)} s), CPU ${fmt(median(oursCpu))} s   ${d.iterations} iterations, KKT ${d.optimality.toExponential(1)}, Hessian rows ${d.hessianRows}, train log loss ${oursLoss.toFixed(9)}`);

  console.log(`churnops L2 fit at tol 1e-5:  ${fmt(median(looseSeconds))} s median of ${REPEATS}, CPU ${fmt(median(looseCpu))} s   ${loose.diagnostics!.iterations} iterations, train log loss ${looseLoss.toFixed(9)}`);

  // 2. Our grid, scored on the validation slice.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const grid = await gridSearchLinear({ train, yTrain, validation, yValidation, score: (y, p) => rocAuc(y, p) });
  const gridSeconds = (performance.now() - t0) / 1000;
  const gridCpu = cpuSeconds(c0);
  const iterations = grid.trials.reduce((s, t) => s + t.iterations, 0);
  console.log(`churnops grid ${DEFAULT_CS.length} C × ${DEFAULT_L1_RATIOS.length} l1_ratio: ${fmt(gridSeconds)} s, CPU ${fmt(gridCpu)} s (${grid.trials.length} fits, ${iterations} iterations, fit + validation scoring)   best AUC ${grid.best.score.toFixed(6)} at C=${grid.best.params.C.toPrecision(4)}, l1_ratio=${grid.best.params.l1_ratio}`);

  // 3. The baseline at its defaults.
  const b0 = performance.now();
  const baseline = fitBaselineLogistic(train, yTrain);
  const baselineSeconds = (performance.now() - b0) / 1000;
  console.log(`baseline ml-logistic-regression: ${fmt(baselineSeconds)} s on a stratified sample of ${baseline.sampleSize} of ${baseline.trainingRows} rows, ${baseline.steps} steps   validation AUC ${rocAuc(yValidation, baseline.probability(validation)).toFixed(6)} (churnops best ${grid.best.score.toFixed(6)})`);

  const sk = runSklearn(train, yTrain);
  if (!sk) {
    console.log("python3-sklearn not present: comparison skipped");
    return;
  }
  const skSeconds = median(sk.l2.runs.map((r) => r.seconds));
  const skCpu = median(sk.l2.runs.map((r) => r.cpu));
  const skModel = new LinearModel(sk.l2.intercept, Float64Array.from(sk.l2.coef));
  const skLoss = meanLogLoss(yTrain, skModel.probability(train));
  const lossGap = Math.abs(oursLoss - skLoss);
  console.log(`sklearn ${sk.sklearn} lbfgs (C=${C}):  ${fmt(skSeconds)} s median of ${REPEATS}, CPU ${fmt(skCpu)} s (${sk.l2.runs[0]!.n_iter} iterations)   train log loss ${skLoss.toFixed(9)}   |Δ log loss| ${lossGap.toExponential(1)} ${lossGap <= 1e-6 ? "(equal within 1e-6)" : "(NOT equal within 1e-6)"}`);
  console.log(`  → L2 fit speed-up: ${(skSeconds / median(oursSeconds)).toFixed(1)}× sklearn lbfgs wall clock, ${(skCpu / median(oursCpu)).toFixed(1)}× in CPU time (target ≥ 1×, aim 5×)`);
  const looseGap = Math.abs(looseLoss - skLoss);
  console.log(`  → at tol 1e-5 (|Δ log loss| ${looseGap.toExponential(1)}${looseGap <= 1e-6 ? ", equal within 1e-6" : ", NOT equal within 1e-6"}): ${(skSeconds / median(looseSeconds)).toFixed(1)}× wall clock, ${(skCpu / median(looseCpu)).toFixed(1)}× in CPU time`);

  let worstAucGap = 0;
  let skBest = -Infinity;
  for (const fit of sk.grid.fits) {
    const model = new LinearModel(fit.intercept, Float64Array.from(fit.coef));
    const auc = rocAuc(yValidation, model.probability(validation));
    skBest = Math.max(skBest, auc);
    const trial = grid.trials.find((t) => t.params.C === fit.C && t.params.l1_ratio === fit.l1_ratio)!;
    worstAucGap = Math.max(worstAucGap, Math.abs(trial.score - auc));
  }
  const capped = sk.grid.fits.filter((f) => f.n_iter >= 100).length;
  console.log(`sklearn saga grid (same ${sk.grid.fits.length} points, warm-started path): ${fmt(sk.grid.seconds)} s, CPU ${fmt(sk.grid.cpu)} s (${capped} fits stopped at max_iter=100)   best AUC ${skBest.toFixed(6)}   largest per-trial |Δ AUC| ${worstAucGap.toExponential(1)}`);
  console.log(`  → grid speed-up: ${(sk.grid.seconds / gridSeconds).toFixed(1)}× sklearn saga wall clock, ${(sk.grid.cpu / gridCpu).toFixed(1)}× in CPU time (target ≥ 20×)`);
}

/** Writes the training set for bench/train-sklearn.py, runs it with Debian's python, returns its JSON (or null). */
function runSklearn(x: Matrix, y: Uint8Array): SklearnResult | null {
  const root = path.resolve(import.meta.dirname, "..");
  const ensure = spawnSync("bash", [path.join(root, "scripts/ensure-sklearn.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  if (ensure.status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-train-"));
  try {
    fs.writeFileSync(path.join(dir, "x.f64"), new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
    fs.writeFileSync(path.join(dir, "y.u8"), y);
    const meta = { rows: x.rows, cols: x.cols, C, repeats: REPEATS, grid: true, Cs: DEFAULT_CS, l1_ratios: DEFAULT_L1_RATIOS };
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
    console.log("running scikit-learn (lbfgs ×3, then the saga grid; the saga grid takes a minute or more)…");
    const run = spawnSync("/usr/bin/python3", [path.join(root, "bench/train-sklearn.py"), dir], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (run.status !== 0) {
      console.log(`scikit-learn run failed (exit ${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
      return null;
    }
    return JSON.parse(run.stdout) as SklearnResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function rowSlice(x: Matrix, from: number, to: number): Matrix {
  const rows = to - from;
  const data = new Float64Array(rows * x.cols);
  for (let j = 0; j < x.cols; j++) data.set(x.data.subarray(j * x.rows + from, j * x.rows + to), j * rows);
  return { rows, cols: x.cols, data };
}

function meanLogLoss(y: Uint8Array, p: Float64Array): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total -= y[i] === 1 ? Math.log(p[i]!) : Math.log1p(-p[i]!);
  return total / y.length;
}

function mean(y: Uint8Array): number {
  let s = 0;
  for (const v of y) s += v;
  return s / y.length;
}

const fmt = (s: number) => s.toFixed(3);

/** Process CPU seconds (user + system) since `start`: on a shared machine wall time also counts waiting for a core. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function timed(fn: () => unknown): [seconds: number, cpu: number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  fn();
  return [(performance.now() - t0) / 1000, cpuSeconds(c0)];
}
