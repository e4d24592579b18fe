import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rocAuc } from "../lib/ml/metrics/roc-auc.ts";
import { seededRandom } from "../lib/ml/seeded-random.ts";
import { defaultThreads } from "../lib/ml/tree/default-threads.ts";
import { fitGradientBoosting } from "../lib/ml/tree/fit-gradient-boosting.ts";
import { referenceRaw } from "../lib/ml/tree/score-trees.ts";
import { treeShap } from "../lib/ml/tree/tree-shap.ts";
import type { Matrix } from "../lib/ml/types.ts";
import { median } from "./bench-helpers.ts";
import { syntheticChurnProblem } from "./train-synthetic.ts";
import { benchEngines, elearningTrainingData, onFreshEngine, walletTrainingData } from "./trained-runs.ts";

// `npm run bench -- gbdt [synthetic|elearning|wallet …]` (default: all three): churnops' histogram gradient
// boosting against Debian's scikit-learn HistGradientBoostingClassifier in the same run, with the issue's parameters
// (learning_rate 0.08, max_depth 6, max_iter 250; early stopping off so both sides grow all 250 trees). Each dataset
// is fitted on its training rows and scored on its test rows by both sides:
// - synthetic: bench/train-synthetic.ts's churn-shaped 69 columns, labels redrawn with interactions and thresholds
//   (so trees have something linear models miss) and 5% missing values in every third column; 180,000 training and
//   60,000 test rows.
// - elearning: the default e-learning sample's training matrix, built as train-elearning builds it (the sample
//   loaded into a fresh database, its features, trainingData()'s time split); train and test parts.
// - wallet: the default wallet sample (40,000 buyers), its 8 weekly buyer snapshots as train-wallet builds them,
//   trainingData()'s buyer-level split; train and test parts.
// Per dataset: test ROC-AUC of both and the gap (target ≤ 0.003), fit time of both and the ratio (target ≤ 2×; ours
// on 1 thread and with a helper thread, the default when a core is free; sklearn on all threads and, with threadpoolctl, on 1: its
// OpenMP threads spin while they wait, so on a busy machine the all-threads figure swells and the 1-thread one is
// the steadier comparison), and scoring 240,000 rows (the test rows repeated; target ≤ 0.5 s) beside the plain
// per-row tree walk and sklearn's decision_function on the same rows. The databases are on real Postgres
// (BENCH_ENGINES=embedded for the embedded engine).
// BENCH_GBDT_ONLY=score: fit once (1 thread) and time only the scoring (1 thread, helper thread, plain walk); the
// fit on 2 threads, TreeSHAP and scikit-learn are skipped and show as "-" in the summary.
const PARAMS = { learning_rate: 0.08, max_depth: 6, max_iter: 250, early_stopping: false, random_state: 0 };
const SCORE_ROWS = 240_000;
const SCORE_REPEATS = 3;
/** The plain per-row walk is timed on a tenth of the scoring rows (it is 10× slower or more) and scaled up. */
const PLAIN_ROWS = SCORE_ROWS / 10;
const SHAP_ROWS = 500;
const ROOT = path.resolve(import.meta.dirname, "..");
const SCORE_ONLY = process.env.BENCH_GBDT_ONLY === "score";

interface Dataset {
  name: string;
  about: string;
  train: { x: Matrix; y: Uint8Array };
  test: { x: Matrix; y: Uint8Array };
}

interface Row {
  name: string;
  auc: number;
  skAuc: number | null;
  /** fit seconds: ours (1 thread, the default), ours with a helper thread, sklearn (all threads), sklearn on 1 */
  fit: number;
  fit2: number | null;
  skFit: number | null;
  skFit1: number | null;
  /** scoring SCORE_ROWS rows: ours (1 thread), ours with a helper thread, sklearn's decision_function */
  score: number;
  score2: number;
  skScore: number | null;
}

export async function benchGbdt(): Promise<void> {
  const asked = process.argv.slice(3);
  const wanted = (name: string) => asked.length === 0 || asked.includes(name);
  const rows: Row[] = [];
  if (wanted("synthetic")) rows.push(await compare(syntheticDataset()));
  if (wanted("elearning") || wanted("wallet")) {
    const engine = benchEngines()[0] ?? "postgres";
    await onFreshEngine(engine, "gbdt", async () => {
      if (wanted("elearning")) {
        const { sourceRunId, data } = await elearningTrainingData();
        rows.push(await compare({
          name: "elearning",
          about: `the default e-learning sample's training matrix (train-elearning's trainingData() on ${engine}, load run ${sourceRunId}, time split)`,
          train: data.train,
          test: data.test,
        }));
      }
      if (wanted("wallet")) {
        const { sourceRunId, data } = await walletTrainingData();
        rows.push(await compare({
          name: "wallet",
          about: `the default wallet sample's weekly buyer snapshots (train-wallet's trainingData() on ${engine}, load run ${sourceRunId}, buyer-level split)`,
          train: data.train,
          test: data.test,
        }));
      }
    });
  }
  console.log("\nsummary (targets: |Δ AUC| ≤ 0.003, fit ≤ 2× sklearn, scoring 240k rows ≤ 0.5 s; ours on 1 thread, [with a helper thread])");
  console.log("dataset     AUC ours  AUC sklearn  |Δ AUC|   fit ours [helper]    sklearn [1 thread]   ratio [1 thr : 1 thr]   score 240k [helper]   sklearn   ratio");
  const s = (v: number | null, digits = 1) => (v === null ? "-" : v.toFixed(digits));
  const x = (a: number, b: number | null) => (b === null ? "-" : `${(a / b).toFixed(2)}×`);
  for (const r of rows) {
    const gap = r.skAuc === null ? "-" : Math.abs(r.auc - r.skAuc).toFixed(5);
    console.log(
      `${r.name.padEnd(11)} ${r.auc.toFixed(5)}   ${s(r.skAuc, 5).padEnd(11)}  ${gap.padEnd(8)}  ${`${s(r.fit)} s [${s(r.fit2)} s]`.padEnd(19)}  ` +
        `${`${s(r.skFit)} s [${s(r.skFit1)} s]`.padEnd(19)}  ${`${x(r.fit, r.skFit)} [${x(r.fit, r.skFit1)}]`.padEnd(22)}  ` +
        `${`${r.score.toFixed(3)} s [${r.score2.toFixed(3)} s]`.padEnd(20)}  ${`${s(r.skScore, 2)} s`.padEnd(8)}  ${x(r.score, r.skScore)}`,
    );
  }
}

async function compare(d: Dataset): Promise<Row> {
  const churn = (y: Uint8Array) => ((y.reduce((a, b) => a + b, 0) / y.length) * 100).toFixed(1);
  console.log(`\n== ${d.name}: ${d.about}`);
  console.log(`   load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.availableParallelism()} cores (1 / 5 / 15 min; timings on a busy machine are wall clock, CPU given beside); threads by default now: ${defaultThreads()}`);
  console.log(`   ${d.train.x.rows} train / ${d.test.x.rows} test rows × ${d.train.x.cols} columns, churn ${churn(d.train.y)}% / ${churn(d.test.y)}%`);
  const fitOptions = { learningRate: PARAMS.learning_rate, maxDepth: PARAMS.max_depth, maxIter: PARAMS.max_iter, earlyStopping: false };
  const fit = (threads: number) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const model = fitGradientBoosting(d.train.x, d.train.y, { ...fitOptions, threads });
    return { model, seconds: (performance.now() - t0) / 1000, cpu: cpuSince(c0) };
  };
  const one = fit(1);
  const model = one.model;
  const auc = rocAuc(d.test.y, model.raw(d.test.x));
  const two = SCORE_ONLY ? null : fit(2);
  const sameTrees = two && JSON.stringify(one.model.toJSON().trees) === JSON.stringify(two.model.toJSON().trees);
  const withHelper = two ? `with a helper thread (threads: 2) ${two.seconds.toFixed(2)} s (CPU ${two.cpu.toFixed(2)} s; ${sameTrees ? "same trees" : "TREES DIFFER"})` : "fit with a helper thread skipped (BENCH_GBDT_ONLY=score)";
  console.log(`churnops: fit ${one.seconds.toFixed(2)} s (CPU ${one.cpu.toFixed(2)} s, 1 thread), ${withHelper}; ${model.trees.length} trees, test ROC-AUC ${auc.toFixed(6)}`);

  const scoreX = repeatRows(d.test.x, SCORE_ROWS);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let fast!: Float64Array;
  for (let k = 0; k < SCORE_REPEATS; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fast = model.raw(scoreX, 1);
    times.push((performance.now() - t0) / 1000);
    cpuTimes.push(cpuSince(c0));
  }
  const score = median(times)!;
  const t0 = performance.now();
  const plain = referenceRaw(model.trees, model.baseline, repeatRows(d.test.x, PLAIN_ROWS));
  const plainSeconds = ((performance.now() - t0) / 1000) * (SCORE_ROWS / PLAIN_ROWS);
  let worst = 0;
  for (let i = 0; i < plain.length; i++) worst = Math.max(worst, Math.abs(plain[i]! - fast[i]!));
  const twoTimes: number[] = [];
  for (let k = 0; k < SCORE_REPEATS; k++) {
    const t1 = performance.now();
    model.raw(scoreX, 2);
    twoTimes.push((performance.now() - t1) / 1000);
  }
  const twoThreads = median(twoTimes)!;
  let shap = "";
  if (!SCORE_ONLY) {
    const h0 = performance.now();
    treeShap(model, repeatRows(d.test.x, SHAP_ROWS));
    shap = `; TreeSHAP ${SHAP_ROWS} rows ${((performance.now() - h0) / 1000).toFixed(2)} s`;
  }
  console.log(`   scoring ${SCORE_ROWS} rows: ${score.toFixed(3)} s (median of ${SCORE_REPEATS}, 1 thread, CPU ${median(cpuTimes)!.toFixed(3)} s; target ≤ 0.5 s), with a helper thread ${twoThreads.toFixed(3)} s; plain per-row walk ${plainSeconds.toFixed(2)} s (timed on ${PLAIN_ROWS} rows, scaled; ours ${(plainSeconds / score).toFixed(1)}× faster, largest |Δ raw| ${worst})${shap}; load average now ${os.loadavg()[0]!.toFixed(1)}`);

  const sk = SCORE_ONLY ? null : runSklearn(d);
  if (!sk) return { name: d.name, auc, skAuc: null, fit: one.seconds, fit2: two?.seconds ?? null, skFit: null, skFit1: null, score, score2: twoThreads, skScore: null };
  const skAuc = rocAuc(d.test.y, sk.test);
  console.log(`sklearn ${sk.sklearn}: fit ${sk.fit_seconds.toFixed(2)} s (CPU ${sk.fit_cpu.toFixed(2)} s, all threads), on 1 thread ${sk.fit1_seconds.toFixed(2)} s (CPU ${sk.fit1_cpu.toFixed(2)} s); ${sk.n_iter} trees, test ROC-AUC ${skAuc.toFixed(6)}; decision_function on the ${SCORE_ROWS} rows ${sk.score_seconds.toFixed(2)} s (median of ${SCORE_REPEATS})`);
  const gap = Math.abs(auc - skAuc);
  const ratio = one.seconds / sk.fit_seconds;
  const fit2 = two!.seconds; // sk is null when SCORE_ONLY
  const met = (ok: boolean) => (ok ? "met" : "NOT MET");
  console.log(`  → |Δ ROC-AUC| ${gap.toFixed(6)} (target ≤ 0.003: ${met(gap <= 0.003)}); fit ${ratio.toFixed(2)}× sklearn's on 1 thread, ${(fit2 / sk.fit_seconds).toFixed(2)}× with the helper (target ≤ 2×: ${met(Math.min(ratio, fit2 / sk.fit_seconds) <= 2)}; 1 thread vs sklearn on 1 thread ${(one.seconds / sk.fit1_seconds).toFixed(2)}×); scoring ${score.toFixed(3)} s = ${(score / sk.score_seconds).toFixed(3)}× sklearn's, ${twoThreads.toFixed(3)} s with the helper (target ≤ 0.5 s: ${met(Math.min(score, twoThreads) <= 0.5)})`);
  return { name: d.name, auc, skAuc, fit: one.seconds, fit2, skFit: sk.fit_seconds, skFit1: sk.fit1_seconds, score, score2: twoThreads, skScore: sk.score_seconds };
}

/** bench/train-synthetic.ts's features; labels from a non-linear logit; 5% NaN in every third column. */
function syntheticDataset(): Dataset {
  const rows = 240_000;
  const trainRows = 180_000;
  const cols = 69;
  const seed = 17;
  const { x } = syntheticChurnProblem(rows, cols, seed);
  const random = seededRandom(seed + 1);
  const col = (j: number, i: number) => x.data[j * rows + i]!;
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const z = -1 + 0.8 * col(0, i) - 0.6 * col(5, i) + 1.2 * (col(3, i) > 0.5 ? 1 : 0) * (col(11, i) < 0 ? 1 : 0)
      + 0.7 * Math.sin(2 * col(17, i)) + 0.5 * col(23, i) * col(29, i) - 0.8 * (col(4, i) > 0 ? 1 : 0);
    y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  for (let j = 2; j < cols; j += 3) for (let i = 0; i < rows; i++) if (random() < 0.05) x.data[j * rows + i] = Number.NaN;
  return {
    name: "synthetic",
    about: "bench/train-synthetic.ts's churn-shaped columns, non-linear labels, 5% missing in every third column",
    train: { x: rowSlice(x, 0, trainRows), y: y.slice(0, trainRows) },
    test: { x: rowSlice(x, trainRows, rows), y: y.slice(trainRows) },
  };
}

type SkResult = { sklearn: string; fit_seconds: number; fit_cpu: number; fit1_seconds: number; fit1_cpu: number; score_seconds: number; n_iter: number; test: Float64Array };

function runSklearn(d: Dataset): SkResult | null {
  const ensure = spawnSync("bash", [path.join(ROOT, "scripts/ensure-sklearn.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  if (ensure.status !== 0) {
    console.log("python3-sklearn not present: comparison skipped");
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-gbdt-"));
  try {
    const write = (name: string, x: Matrix, y: Uint8Array) => {
      fs.writeFileSync(path.join(dir, `${name}.f64`), new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
      fs.writeFileSync(path.join(dir, `${name}.y`), y);
      return { rows: x.rows, cols: x.cols };
    };
    const meta = { train: write("train", d.train.x, d.train.y), test: write("test", d.test.x, d.test.y), params: PARAMS, score_rows: SCORE_ROWS, repeats: SCORE_REPEATS };
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
    console.log("running scikit-learn HistGradientBoostingClassifier…");
    const run = spawnSync("/usr/bin/python3", [path.join(ROOT, "bench/gbdt-sklearn.py"), dir], { encoding: "utf8" });
    if (run.status !== 0) {
      console.log(`scikit-learn run failed (exit ${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
      return null;
    }
    const bytes = fs.readFileSync(path.join(dir, "sk_test.f64"));
    const test = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { ...(JSON.parse(run.stdout) as Omit<SkResult, "test">), test };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `rows` rows: row i is x's row i mod x.rows (gbdt-sklearn.py builds the same). */
function repeatRows(x: Matrix, rows: number): Matrix {
  const data = new Float64Array(rows * x.cols);
  for (let j = 0; j < x.cols; j++) {
    const column = x.data.subarray(j * x.rows, (j + 1) * x.rows);
    for (let from = 0; from < rows; from += x.rows) data.set(column.subarray(0, Math.min(x.rows, rows - from)), j * rows + from);
  }
  return { rows, cols: x.cols, data };
}

function rowSlice(x: Matrix, from: number, to: number): Matrix {
  const rows = to - from;
  const data = new Float64Array(rows * x.cols);
  for (let j = 0; j < x.cols; j++) data.set(x.data.subarray(j * x.rows + from, j * x.rows + to), j * rows);
  return { rows, cols: x.cols, data };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
