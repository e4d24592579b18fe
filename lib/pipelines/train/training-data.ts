import { createHash } from "node:crypto";
import { loadTrainingFrame, type TrainingFrameSpec } from "../../features/load-training-frame.ts";
import type { FeatureSpec } from "../../features/feature-spec.ts";
import { AppError } from "../../errors.ts";
import { fitPreprocessor, stratifiedSplit, timeSplit, type Matrix, type Preprocessor, type RawFrame, type RowSplit } from "../../ml/index.ts";
import { groupStratifiedSplit } from "../../ml/split/group-stratified-split.ts";
import { designParts } from "./design-parts.ts";

/** How rows are split: panel data by time, per-entity labels by entity (stratified), one-row-per-entity at random (stratified). */
export type SplitKind = "time" | "entity" | "stratified";

/** The seed of every random split and sample of a training run: retraining the same snapshot gives the same model. */
export const TRAINING_SEED = 42;

export interface SplitPart {
  rows: Uint32Array;
  x: Matrix;
  y: Uint8Array;
}

/** Everything a training step needs, rebuilt deterministically from the feature rows (so any worker can resume a run). */
export interface TrainingData {
  /** the raw features the frame was loaded with */
  features: FeatureSpec[];
  split: RowSplit;
  splitKind: SplitKind;
  preprocessor: Preprocessor;
  train: SplitPart;
  validation: SplitPart;
  test: SplitPart;
  /**
   * The raw values of the test rows only (row k is frame row test.rows[k]): all the later steps read of the frame
   * (the test matrix, the champion's own preprocessing, SHAP sample values). The full frame is not kept: at 10× the
   * e-learning sample it is ~0.7 GB next to the ~0.75 GB of training and validation matrices.
   */
  testFrame: RawFrame;
  /** sha256 over the frame's columns and labels, in row order: the data a version was trained on */
  dataHash: string;
}

function splitRows(frame: RawFrame, kind: SplitKind): RowSplit {
  const labels = frame.labels!;
  if (kind === "time") {
    // The last 20% of as-of days is the test set and the 20% of days before it the validation slice (no gap: the
    // reference pipelines split the same way, and a gap of the 30-day label horizon empties small datasets' slices).
    return timeSplit(frame.asOf!, { testShare: 0.2, validationShare: 0.2 });
  }
  if (kind === "entity") return groupStratifiedSplit(frame.entityIds!, labels, { testShare: 0.2, validationShare: 0.2, seed: TRAINING_SEED });
  return stratifiedSplit(labels, { testShare: 0.2, validationShare: 0.2, seed: TRAINING_SEED });
}

function gatherLabels(labels: Uint8Array, rows: Uint32Array): Uint8Array {
  const y = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) y[i] = labels[rows[i]!]!;
  return y;
}

/**
 * A part whose matrix is made on first use: the test matrix is read from the evaluation on, so the searches before
 * it run without its ~0.2 GB (at 10× the e-learning sample). Made from the test rows' raw values, it equals the
 * matrix made from the whole frame value for value (the preprocessing is per row).
 */
function lazyPart(rows: Uint32Array, y: Uint8Array, make: () => Matrix): SplitPart {
  let x: Matrix | null = null;
  return {
    rows,
    y,
    get x() {
      return (x ??= make());
    },
  };
}

function checkBothClasses(name: string, y: Uint8Array): void {
  let positives = 0;
  for (const v of y) positives += v;
  if (y.length === 0 || positives === 0 || positives === y.length) {
    throw new AppError(
      "DATASET_TOO_SMALL",
      `The ${name} part of the training data has ${y.length} rows and ${positives} churners: a model needs both churners and non-churners in every part. To fix: load more data (more users, a longer period) and train again.`,
    );
  }
}

/** sha256 over every column (numbers as their float64 bytes, categories as text) and the labels. */
export function frameHash(frame: RawFrame): string {
  const hash = createHash("sha256");
  for (const c of frame.columns) {
    hash.update(`${c.name}:${c.kind}\n`);
    if (c.kind === "categorical") hash.update(c.values.map((v) => (v === null ? "\u0000" : v)).join("\u0001"));
    else hash.update(new Uint8Array(c.values.buffer, c.values.byteOffset, c.values.byteLength));
  }
  if (frame.labels) hash.update(frame.labels);
  return hash.digest("hex");
}

async function build(spec: TrainingFrameSpec, splitKind: SplitKind, referenceDay?: number): Promise<TrainingData> {
  const loaded = await loadTrainingFrame(spec);
  // One-row-per-customer tables have no as-of date: their dates become ages at the day the data was loaded.
  if (!loaded.frame.asOf && referenceDay !== undefined) loaded.frame.asOf = new Float64Array(loaded.frame.rows).fill(referenceDay);
  const { frame } = loaded;
  const split = splitRows(frame, splitKind);
  // Preprocessing is fitted on the training part only: validation and test rows never shape medians, scales or levels.
  const preprocessor = fitPreprocessor(frame, { rows: split.train });
  const dataHash = frameHash(frame);
  const labels = frame.labels!;
  // Takes the frame's columns: each is freed once the training and validation matrices have its design columns
  // (design-parts.ts), and only the test rows' raw values stay.
  const { matrices, kept } = designParts(preprocessor, frame, [split.train, split.validation], split.test);
  const part = (rows: Uint32Array, k: number): SplitPart => ({ rows, x: matrices[k]!, y: gatherLabels(labels, rows) });
  const data: TrainingData = {
    features: loaded.features,
    split,
    splitKind,
    preprocessor,
    train: part(split.train, 0),
    validation: part(split.validation, 1),
    test: lazyPart(split.test, gatherLabels(labels, split.test), () => preprocessor.transform(kept).matrix),
    testFrame: kept,
    dataHash,
  };
  checkBothClasses("training", data.train.y);
  checkBothClasses("validation", data.validation.y);
  checkBothClasses("test", data.test.y);
  return data;
}

// One entry: the steps of one run share it when they run in one process (the local worker); another process (an
// Inngest retry, another worker) rebuilds the same data from the same feature rows.
let cached: { key: string; data: Promise<TrainingData> } | null = null;

/** The training data of run `runId` (loaded once per process, then shared by its steps). */
export function trainingData(runId: string, spec: TrainingFrameSpec, splitKind: SplitKind, referenceDay?: number): Promise<TrainingData> {
  const key = `${runId}:${JSON.stringify(spec)}:${splitKind}:${referenceDay ?? ""}`;
  if (cached?.key !== key) {
    const data = build(spec, splitKind, referenceDay);
    cached = { key, data };
    data.catch(() => {
      if (cached?.data === data) cached = null;
    });
  }
  return cached.data;
}

/** Frees the cached matrices when a run is done with them. */
export function releaseTrainingData(runId: string): void {
  if (cached?.key.startsWith(`${runId}:`)) cached = null;
}
