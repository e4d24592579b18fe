import { Worker } from "node:worker_threads";
import type { Matrix } from "../types.ts";
import { type CompiledTrees, fillRowBlock, SCORE_BLOCK, scoreBlock, scoreRows } from "./score-trees.ts";
import { instantiateScorer, scoreRowsWasm, type WasmTrees } from "./score-wasm.ts";

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

/** Rows per chunk handed to the helper (a multiple of both scoring paths' blocks). */
export const CHUNK_ROWS = 1024;

/** Chunks in flight: the ring of shared slots the caller copies the helper's chunks into. */
const SLOTS = 4;

/** How long the caller waits for a chunk the helper took before it scores that chunk itself. */
const JOB_TIMEOUT_MS = 60_000;

/** Control words: STARTED (the helper runs), EXITED (1 = finished, 2 = threw), END (no more chunks), then per slot
 * its state and chunk index. */
const STARTED = 0;
const EXITED = 1;
const END = 2;
const SLOT_STATE = 3;
const SLOT_CHUNK = SLOT_STATE + SLOTS;
/** Slot states: FREE (the caller may fill it), FILLED (a chunk waits), TAKEN (the helper scores it), SCORED. */
const FREE = 0;
const FILLED = 1;
const TAKEN = 2;
const SCORED = 3;

/**
 * The helper's program, built from the scoring functions' own source text (each is self-contained), so it runs
 * whatever loaded this module: a worker thread does not inherit tsx's or Vite's TypeScript loader (see
 * histogram-threads.ts). It takes the ring's slots in order, each FILLED → TAKEN by compare-and-swap (the caller may
 * have taken the chunk back), scores the chunk into its rows of `out` and marks the slot SCORED, until END.
 */
const HELPER_SOURCE = `"use strict";
const { workerData } = require("node:worker_threads");
const SCORE_BLOCK = ${SCORE_BLOCK};
const fillRowBlock = ${fillRowBlock.toString()};
const scoreBlock = ${scoreBlock.toString()};
const scoreRows = ${scoreRows.toString()};
const instantiateScorer = ${instantiateScorer.toString()};
const scoreRowsWasm = ${scoreRowsWasm.toString()};
const { control, kind, trees, baseline, cols, rows, slots, out } = workerData;
Atomics.store(control, ${STARTED}, 1);
try {
  const scorer = kind === "wasm" ? instantiateScorer(trees) : null;
  const chunkOut = new Float64Array(${CHUNK_ROWS});
  for (let k = 0; ; k = (k + 1) % ${SLOTS}) {
    const state = ${SLOT_STATE} + k;
    while (Atomics.load(control, state) !== ${FILLED} && Atomics.load(control, ${END}) === 0) Atomics.wait(control, state, Atomics.load(control, state), 100);
    if (Atomics.compareExchange(control, state, ${FILLED}, ${TAKEN}) !== ${FILLED}) {
      if (Atomics.load(control, ${END}) !== 0) break;
      continue;
    }
    const start = Atomics.load(control, ${SLOT_CHUNK} + k) * ${CHUNK_ROWS};
    const size = Math.min(${CHUNK_ROWS}, rows - start);
    const x = { rows: ${CHUNK_ROWS}, cols, data: slots[k] };
    if (scorer) scoreRowsWasm(scorer, baseline, x, 0, size, chunkOut);
    else scoreRows(trees, baseline, x, 0, size, chunkOut);
    out.set(chunkOut.subarray(0, size), start);
    Atomics.store(control, state, ${SCORED});
    Atomics.notify(control, state);
  }
  Atomics.store(control, ${EXITED}, 1);
} catch (error) {
  Atomics.store(control, ${EXITED}, 2);
}
for (let k = 0; k < ${SLOTS}; k++) Atomics.notify(control, ${SLOT_STATE} + k);
`;

/**
 * baseline + Σ tree outputs for every row of x, with a helper thread started for the call (the model is immutable
 * and may be loaded per request, so no thread outlives a call). Rows go in chunks of CHUNK_ROWS, claimed in order:
 * the caller copies the next chunk into a free slot of a small shared ring whenever one is free and scores the one
 * after itself, so a helper that gets less CPU simply scores fewer chunks, and no copy of x is made (a 240k-row
 * copy into fresh shared memory cost more CPU, in page faults, than scoring half the rows). Each chunk is scored by
 * the same function either way (`scoreHere` on this thread: rows [from, to) into out), so the values are the same
 * as on one thread. Chunks the helper has not taken when the caller runs out of its own are taken back; if the
 * helper cannot start, throws, or holds a chunk for JOB_TIMEOUT_MS, the caller scores it too.
 */
export function scoreRowsInParallel(
  scoring: ScoringTrees,
  baseline: number,
  x: Matrix,
  out: Float64Array,
  scoreHere: (from: number, to: number) => void,
): void {
  const { rows, cols, data } = x;
  const chunks = Math.ceil(rows / CHUNK_ROWS);
  const control = new Int32Array(new SharedArrayBuffer(4 * (SLOT_CHUNK + SLOTS)));
  const slots = Array.from({ length: SLOTS }, () => new Float64Array(new SharedArrayBuffer(8 * CHUNK_ROWS * cols)));
  const helperOut = new Float64Array(new SharedArrayBuffer(8 * rows));
  let helperTrees: CompiledTrees | WasmTrees;
  if (scoring.kind === "wasm") helperTrees = scoring.trees; // the compiled module is shared, the tree image copied
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
      workerData: { control, kind: scoring.kind, trees: helperTrees, baseline, cols, rows, slots, out: helperOut },
    });
    worker.unref();
    worker.on("error", () => {}); // a failed helper shows as EXITED = 2
  } catch {
    worker = null;
  }
  if (!worker) {
    scoreHere(0, rows);
    return;
  }
  const chunkRows = (c: number): [number, number] => [c * CHUNK_ROWS, Math.min(rows, (c + 1) * CHUNK_ROWS)];
  const helperScored: number[] = [];
  let next = 0; // next chunk to hand out
  let fill = 0; // next ring position to fill (the helper takes them in the same order)
  const collect = (k: number) => {
    helperScored.push(Atomics.load(control, SLOT_CHUNK + k));
    Atomics.store(control, SLOT_STATE + k, FREE);
  };
  while (next < chunks) {
    // keep the helper's ring full while it runs
    while (next < chunks && Atomics.load(control, EXITED) === 0) {
      const k = fill % SLOTS;
      const state = Atomics.load(control, SLOT_STATE + k);
      if (state === SCORED) collect(k);
      else if (state !== FREE) break;
      const [from, to] = chunkRows(next);
      const slot = slots[k]!;
      for (let j = 0; j < cols; j++) slot.set(data.subarray(j * rows + from, j * rows + to), j * CHUNK_ROWS);
      Atomics.store(control, SLOT_CHUNK + k, next);
      Atomics.store(control, SLOT_STATE + k, FILLED);
      Atomics.notify(control, SLOT_STATE + k);
      next++;
      fill++;
    }
    if (next < chunks) scoreHere(...chunkRows(next++));
  }
  // every chunk is handed out: take back what the helper has not started, wait for what it has
  for (let k = 0; k < SLOTS; k++) {
    if (Atomics.compareExchange(control, SLOT_STATE + k, FILLED, FREE) === FILLED) scoreHere(...chunkRows(Atomics.load(control, SLOT_CHUNK + k)));
  }
  Atomics.store(control, END, 1);
  for (let k = 0; k < SLOTS; k++) Atomics.notify(control, SLOT_STATE + k);
  for (let k = 0; k < SLOTS; k++) {
    const waitStart = Date.now();
    while (Atomics.load(control, SLOT_STATE + k) === TAKEN && Atomics.load(control, EXITED) === 0 && Date.now() - waitStart < JOB_TIMEOUT_MS) {
      Atomics.wait(control, SLOT_STATE + k, TAKEN, 100);
    }
    const state = Atomics.load(control, SLOT_STATE + k);
    if (state === SCORED) collect(k);
    else if (state === TAKEN) {
      // the helper threw or stopped answering with this chunk: score it here (its late result is never read)
      Atomics.store(control, SLOT_STATE + k, FREE);
      scoreHere(...chunkRows(Atomics.load(control, SLOT_CHUNK + k)));
    }
  }
  for (const c of helperScored) {
    const [from, to] = chunkRows(c);
    out.set(helperOut.subarray(from, to), from);
  }
}

function toShared<T extends Int32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}
