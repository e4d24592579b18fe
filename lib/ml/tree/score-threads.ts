import { Worker } from "node:worker_threads";
import type { Matrix } from "../types.ts";
import { type CompiledTrees, fillRowBlock, SCORE_BLOCK, scoreBlock, scoreRows } from "./score-trees.ts";
import { instantiateScorer, scoreRowsWasm, WASM_BLOCK, type WasmTrees } from "./score-wasm.ts";

/**
 * What a thread scores with: the WebAssembly kernel's trees (score-wasm.ts), or the typed-array layout for trees too
 * deep for it (score-trees.ts).
 */
export type ScoringTrees = { kind: "wasm"; trees: WasmTrees } | { kind: "js"; trees: CompiledTrees };

/**
 * Below this many rows scoring stays on the calling thread: starting a helper thread costs tens of milliseconds (the
 * time of about 20,000 rows of a 250-tree model), and a request scoring one what-if row must not pay it.
 */
export const PARALLEL_MIN_ROWS = 50_000;

/** How long the caller waits for a helper that has not started before it scores the helper's rows itself. */
const START_TIMEOUT_MS = 10_000;

/** Control slots: the helper sets STARTED when it runs, then DONE (1 = scored, 2 = threw). */
const STARTED = 0;
const DONE = 1;

/**
 * The helper's program, built from the scoring functions' own source text (each is self-contained), so it runs
 * whatever loaded this module: a worker thread does not inherit tsx's or Vite's TypeScript loader (see
 * histogram-threads.ts). It scores its rows, sets DONE and exits.
 */
const HELPER_SOURCE = `"use strict";
const { workerData } = require("node:worker_threads");
const SCORE_BLOCK = ${SCORE_BLOCK};
const fillRowBlock = ${fillRowBlock.toString()};
const scoreBlock = ${scoreBlock.toString()};
const scoreRows = ${scoreRows.toString()};
const instantiateScorer = ${instantiateScorer.toString()};
const scoreRowsWasm = ${scoreRowsWasm.toString()};
const { control, kind, trees, baseline, x, out } = workerData;
Atomics.store(control, ${STARTED}, 1);
try {
  if (kind === "wasm") scoreRowsWasm(instantiateScorer(trees), baseline, x, 0, x.rows, out);
  else scoreRows(trees, baseline, x, 0, x.rows, out);
  Atomics.store(control, ${DONE}, 1);
} catch (error) {
  Atomics.store(control, ${DONE}, 2);
}
Atomics.notify(control, ${DONE});
`;

/**
 * baseline + Σ tree outputs for every row of x, the last half of the rows scored by a helper thread started for the
 * call (the model is immutable and may be loaded per request, so no thread outlives a call). The helper's rows and
 * its results travel through SharedArrayBuffers; each row is scored by the same function either way (`scoreHere`
 * on this thread: rows [from, to) into out), so the values are the same as on one thread. If the helper cannot start
 * or throws, the caller scores its rows too.
 */
export function scoreRowsInParallel(
  scoring: ScoringTrees,
  baseline: number,
  x: Matrix,
  out: Float64Array,
  scoreHere: (from: number, to: number) => void,
): void {
  const { rows, cols } = x;
  const block = Math.max(SCORE_BLOCK, WASM_BLOCK);
  const split = Math.ceil(rows / 2 / block) * block;
  const helperRows = rows - split;
  const control = new Int32Array(new SharedArrayBuffer(8));
  const data = new Float64Array(new SharedArrayBuffer(8 * helperRows * cols));
  for (let j = 0; j < cols; j++) data.set(x.data.subarray(j * rows + split, (j + 1) * rows), j * helperRows);
  const helperOut = new Float64Array(new SharedArrayBuffer(8 * helperRows));
  let helperTrees: CompiledTrees | WasmTrees;
  if (scoring.kind === "wasm") helperTrees = scoring.trees; // module bytes and tree image, copied to the helper
  else {
    const trees = scoring.trees;
    helperTrees = {
      cols,
      column: toShared(trees.column),
      threshold: toShared(trees.threshold),
      left: toShared(trees.left),
      value: toShared(trees.value),
      roots: toShared(trees.roots),
      depths: toShared(trees.depths),
    };
  }
  let worker: Worker | null = null;
  try {
    worker = new Worker(HELPER_SOURCE, {
      eval: true,
      workerData: { control, kind: scoring.kind, trees: helperTrees, baseline, x: { rows: helperRows, cols, data }, out: helperOut },
    });
    worker.unref();
    worker.on("error", () => {}); // a failed helper shows as DONE ≠ 1 below
  } catch {
    worker = null;
  }
  scoreHere(0, worker ? split : rows);
  if (!worker) return;
  const waitStart = Date.now();
  while (Atomics.load(control, DONE) === 0) {
    Atomics.wait(control, DONE, 0, 100);
    if (Atomics.load(control, STARTED) === 0 && Date.now() - waitStart > START_TIMEOUT_MS) break;
  }
  if (Atomics.load(control, DONE) === 1) out.set(helperOut, split);
  else scoreHere(split, rows);
}

function toShared<T extends Int32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
