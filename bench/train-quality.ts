import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rocAuc } from "../lib/ml/metrics/roc-auc.ts";
import type { Matrix } from "../lib/ml/types.ts";
import { readTrainingModel } from "../lib/pipelines/train/training-models.ts";
import { benchEngines, onFreshEngine, trainThroughPipeline, type TrainedRun } from "./trained-runs.ts";

// `npm run bench -- train-quality`: the default e-learning sample and the default wallet sample (40,000 buyers)
// trained through the real pipelines (train-elearning, train-wallet), then scikit-learn on the very same split:
// the run's training data is rebuilt with the pipeline's trainingData() (checked against the run's data hash),
// written out, and sklearn's LogisticRegression (lbfgs at its defaults and at the run's best C; saga elastic net
// at the run's best C / l1_ratio) fits the same training rows and scores the same test rows. Prints churnops'
// test ROC-AUC / PR-AUC (baseline, candidate, the registered model) beside sklearn's, and the targets.
// On real Postgres in a fresh database; BENCH_ENGINES=embedded (or postgres,embedded) for the embedded engine.
const ROOT = path.resolve(import.meta.dirname, "..");
const SAGA_MAX_ITER = 1000;
const TARGETS: Record<string, number> = { "train-elearning": 0.96, "train-wallet": 0.75 };

interface SkFit {
  roc_auc: number;
  pr_auc: number;
  seconds: number;
  n_iter: number;
  converged: boolean;
  C: number;
  l1_ratio: number | null;
}
type SkResult = { sklearn: string } & Record<"lbfgs" | "lbfgs_best_c" | "saga", SkFit>;

interface EvaluateOutput {
  chosen: "baseline" | "candidate";
  models: { role: string; key: string; test: { roc_auc: number; pr_auc: number } }[];
}
interface SearchOutput {
  best: { C: number; l1_ratio: number };
}

function writeMatrix(dir: string, name: string, x: Matrix, y: Uint8Array): { rows: number; cols: number } {
  fs.writeFileSync(path.join(dir, `${name}.f64`), new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
  fs.writeFileSync(path.join(dir, `${name}.y`), y);
  return { rows: x.rows, cols: x.cols };
}

let sklearnChecked: boolean | null = null;
function sklearnPresent(): boolean {
  if (sklearnChecked === null) {
    const ensure = spawnSync("bash", [path.join(ROOT, "scripts/ensure-sklearn.sh")], { stdio: ["ignore", "inherit", "inherit"] });
    sklearnChecked = ensure.status === 0;
  }
  return sklearnChecked;
}

/** sklearn on the run's exact train and test matrices, or null when python3-sklearn is absent or fails. */
export function sklearnOnRun(run: TrainedRun, best: { C: number; l1_ratio: number }): SkResult | null {
  if (!sklearnPresent()) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-quality-"));
  try {
    const meta = {
      train: writeMatrix(dir, "train", run.data.train.x, run.data.train.y),
      test: writeMatrix(dir, "test", run.data.test.x, run.data.test.y),
      C: best.C,
      l1_ratio: best.l1_ratio,
      saga_max_iter: SAGA_MAX_ITER,
    };
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
    const res = spawnSync("/usr/bin/python3", [path.join(ROOT, "bench/train-quality-sklearn.py"), dir], { encoding: "utf8", maxBuffer: 16 << 20 });
    if (res.status !== 0) {
      console.log(`  scikit-learn run failed (exit ${res.status}): ${res.stderr.trim().split("\n").slice(-3).join(" | ")}`);
      return null;
    }
    return JSON.parse(res.stdout) as SkResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const f4 = (x: number) => x.toFixed(4);

async function report(engine: string, run: TrainedRun): Promise<void> {
  const d = run.data;
  const churn = (y: Uint8Array) => ((y.reduce((s, v) => s + v, 0) / y.length) * 100).toFixed(1);
  const evaluate = run.steps["evaluate"]!.output as unknown as EvaluateOutput;
  const search = run.steps["search-candidate"]!.output as unknown as SearchOutput;
  console.log(`\n${engine} ${run.pipelineId} (run ${run.runId}; load ${run.loadSeconds.toFixed(1)} s, train ${run.trainSeconds.toFixed(1)} s)`);
  console.log(`  split ${d.splitKind}: ${d.train.y.length} train / ${d.validation.y.length} validation / ${d.test.y.length} test rows (churn ${churn(d.train.y)}% / ${churn(d.validation.y)}% / ${churn(d.test.y)}%) × ${d.train.x.cols} design columns; data hash ${d.dataHash.slice(0, 12)} = the run's`);
  for (const m of evaluate.models) {
    // The stored model re-scored on the rebuilt test rows: equal to the run's own figure proves the rows are the same.
    const rescored = rocAuc(d.test.y, (await readTrainingModel(m.key)).probability(d.test.x));
    const same = Math.abs(rescored - m.test.roc_auc) < 1e-12 ? "re-scored: identical" : `re-scored ROC-AUC ${rescored} DIFFERS`;
    const tag = m.role === evaluate.chosen ? " (registered)" : "";
    const params = m.role === "candidate" ? ` C=${search.best.C.toPrecision(4)}, l1_ratio=${search.best.l1_ratio}` : "";
    console.log(`  churnops ${(m.role + tag).padEnd(22)} test ROC-AUC ${f4(m.test.roc_auc)}  PR-AUC ${f4(m.test.pr_auc)}   ${params} [${same}]`);
  }
  const chosen = evaluate.models.find((m) => m.role === evaluate.chosen)!;
  const bestRoc = Math.max(...evaluate.models.map((m) => m.test.roc_auc));
  const target = TARGETS[run.pipelineId]!;
  const sk = sklearnOnRun(run, search.best);
  if (!sk) {
    console.log("  python3-sklearn not present: no sklearn figures (scripts/ensure-sklearn.sh installs it)");
  } else {
    for (const [name, label] of [["lbfgs", "lbfgs, defaults (C=1)"], ["lbfgs_best_c", "lbfgs, run's best C"], ["saga", "saga elastic net, run's best"]] as const) {
      const r = sk[name];
      const conv = r.converged ? `${r.n_iter} iterations` : `NOT converged in ${r.n_iter} iterations`;
      console.log(`  sklearn ${sk.sklearn} ${label.padEnd(29)} test ROC-AUC ${f4(r.roc_auc)}  PR-AUC ${f4(r.pr_auc)}   C=${r.C.toPrecision(4)}${r.l1_ratio === null ? "" : `, l1_ratio=${r.l1_ratio}`}, ${r.seconds.toFixed(1)} s, ${conv}`);
    }
    const skBest = Math.max(sk.lbfgs.roc_auc, sk.lbfgs_best_c.roc_auc, sk.saga.roc_auc);
    console.log(`  → ROC-AUC: churnops registered ${f4(chosen.test.roc_auc)} vs sklearn best ${f4(skBest)} (Δ ${(chosen.test.roc_auc - skBest).toFixed(4)}); saga at the same params Δ ${(evaluate.models.find((m) => m.role === "candidate")!.test.roc_auc - sk.saga.roc_auc).toExponential(1)}`);
  }
  console.log(`  → target: best ROC-AUC ≥ ${target}: ${f4(bestRoc)} ${bestRoc >= target ? "MET" : "NOT MET"} (registered model ${f4(chosen.test.roc_auc)})`);
}

export async function benchTrainQuality(): Promise<void> {
  for (const engine of benchEngines()) {
    await onFreshEngine(engine, "quality", async () => {
      await report(engine, await trainThroughPipeline("elearning-sample", "train-elearning"));
      await report(engine, await trainThroughPipeline("wallet-sample", "train-wallet"));
    });
  }
}
