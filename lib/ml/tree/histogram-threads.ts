import { Worker } from "node:worker_threads";
import { type BinnedData, type GrowWorkspace, growWorkspace, type HistogramBuilder, serialHistograms } from "./grow-tree.ts";
import { buildHistogramRange, gatherGradients } from "./histogram.ts";

/** Slots of the shared control array. */
const SEQ = 0; // bumped by the main thread for each job
const DONE = 1; // the job number the helper finished last
const START = 2;
const END = 3;
const F0 = 4;
const F1 = 5;
const ROOT = 6;
const READY = 7; // the helper is running
const FAILED = 8; // the helper threw: the main thread does everything from then on
const STOP = 9;

/**
 * Below this many (row, feature) updates a node's histogram stays on the main thread: waking the helper and waiting
 * for it costs tens of microseconds, the time of about 20,000 updates.
 */
export const PARALLEL_MIN_UPDATES = 200_000;

/** How long the main thread waits for a helper that has not started before it does the helper's half itself. */
const START_TIMEOUT_MS = 10_000;

/** How long the main thread waits for one job of a started helper before it does the helper's half itself. */
const JOB_TIMEOUT_MS = 60_000;

/**
 * The helper thread's program. It is built from buildHistogramRange's own source text (a self-contained function)
 * rather than loaded as a module, because a worker thread does not inherit the TypeScript loader of the thread that
 * starts it (tsx hooks in the CLI and benches, Vite's transform under vitest, a bundler in Next): the text of an
 * already-compiled function runs anywhere. The helper blocks in Atomics.wait between jobs, so a job costs no
 * message passing.
 */
const HELPER_SOURCE = `"use strict";
const { workerData } = require("node:worker_threads");
const buildHistogramRange = ${buildHistogramRange.toString()};
const { control, binned, n, binsPerFeature, rows, gradHess, ordered, hist } = workerData;
Atomics.store(control, ${READY}, 1);
let seen = 0;
for (;;) {
  Atomics.wait(control, ${SEQ}, seen);
  seen = Atomics.load(control, ${SEQ});
  if (Atomics.load(control, ${STOP}) === 1) break;
  try {
    const source = control[${ROOT}] === 1 ? gradHess : ordered;
    buildHistogramRange(hist, binned, n, binsPerFeature, rows, control[${START}], control[${END}], source, control[${F0}], control[${F1}]);
  } catch (error) {
    Atomics.store(control, ${FAILED}, 1);
  }
  Atomics.store(control, ${DONE}, seen);
  Atomics.notify(control, ${DONE});
}
`;

/** A fit's workspace whose histograms are split by features between the main thread and one helper thread. */
export interface HistogramTeam {
  /** the binned data in shared memory (the caller's own when it was already shared, else a copy) */
  data: BinnedData;
  work: GrowWorkspace;
  /** jobs the helper has finished (0 when every node was small, or the helper never started) */
  helperJobs(): number;
  /** stops the helper; call once the fit is done */
  close(): void;
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * Starts one helper thread for histogram building (a 2-core machine gives two threads; more would only queue) and
 * the shared workspace it reads. Large nodes are split by features: the main thread gathers the node's gradients,
 * wakes the helper, fills the first half of the features while the helper fills the second half into a scratch
 * histogram, then copies that half over. Both halves run buildHistogramRange, so the histograms, and the trees, are
 * the same as on one thread. If the helper cannot start or throws, the main thread builds everything itself.
 *
 * @returns null when no worker thread can be started here
 */
export function histogramTeam(data: BinnedData): HistogramTeam | null {
  // bins already in shared memory (fitGradientBoosting writes them there) are read in place, others copied
  const binned = data.binned.buffer instanceof SharedArrayBuffer ? data.binned : new Uint8Array(shared(data.binned.length));
  if (binned !== data.binned) binned.set(data.binned);
  const sharedData: BinnedData = { ...data, binned };
  const { n, features, binsPerFeature } = sharedData;
  const stride = binsPerFeature * 3;
  const control = new Int32Array(shared(16 * 4));
  const scratch = new Float64Array(shared(8 * features * stride));
  let worker: Worker | null = null;
  let failed = false;
  const work = growWorkspace(sharedData, shared, (w) => {
    const serial = serialHistograms(sharedData, w);
    try {
      worker = new Worker(HELPER_SOURCE, {
        eval: true,
        workerData: { control, binned, n, binsPerFeature, rows: w.rows, gradHess: w.gradHess, ordered: w.ordered, hist: scratch },
      });
      worker.unref();
      // a helper that dies leaves the main thread to finish its jobs (checked below); the error is not thrown here
      worker.on("error", () => (failed = true));
    } catch {
      failed = true;
    }
    // the main thread takes the first features, a multiple of 4 (histogram.ts fills them four at a time)
    const split = Math.min(features, 4 * Math.round(features / 8));
    return (hist, start, end, root) => {
      if (failed || (end - start) * features < PARALLEL_MIN_UPDATES || split === features) {
        serial(hist, start, end, root);
        return;
      }
      if (!root) gatherGradients(w.rows, start, end, w.gradHess, w.ordered);
      control[START] = start;
      control[END] = end;
      control[F0] = split;
      control[F1] = features;
      control[ROOT] = root ? 1 : 0;
      const job = Atomics.add(control, SEQ, 1) + 1;
      Atomics.notify(control, SEQ);
      buildHistogramRange(hist, sharedData.binned, n, binsPerFeature, w.rows, start, end, root ? w.gradHess : w.ordered, 0, split);
      const waitStart = Date.now();
      while (Atomics.load(control, DONE) !== job) {
        Atomics.wait(control, DONE, job - 1, 100);
        const waited = Date.now() - waitStart;
        // A helper that never started, or one that stopped answering (killed, out of memory: its "error" event cannot
        // reach this blocked loop), must not hang the fit: the main thread takes the job back and the helper is dropped.
        if ((Atomics.load(control, READY) === 0 && waited > START_TIMEOUT_MS) || waited > JOB_TIMEOUT_MS) break;
      }
      if (Atomics.load(control, DONE) !== job || Atomics.load(control, FAILED) === 1) {
        failed = true;
        buildHistogramRange(hist, sharedData.binned, n, binsPerFeature, w.rows, start, end, root ? w.gradHess : w.ordered, split, features);
        return;
      }
      hist.set(scratch.subarray(split * stride, features * stride), split * stride);
    };
  });
  if (failed && !worker) return null;
  return {
    data: sharedData,
    work,
    helperJobs: () => Atomics.load(control, DONE),
    close() {
      Atomics.store(control, STOP, 1);
      Atomics.add(control, SEQ, 1);
      Atomics.notify(control, SEQ);
    },
  };
}
