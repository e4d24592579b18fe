// `npm run bench -- preprocess`: fit + transform of the preprocessing on an e-learning-sized frame
// (180k rows × 35 raw columns: 30 numeric with 5% missing, 2 dates, 3 categoricals), the size the training
// pipeline hands over. Prints the median of REPEATS runs; the target is a transform well under a second.
import { fitPreprocessor } from "../lib/ml/preprocess/fit-preprocessor.ts";
import { mulberry32 } from "../lib/ml/random.ts";
import type { RawColumn, RawFrame } from "../lib/ml/types.ts";
import { median, REPEATS } from "./bench-helpers.ts";

function syntheticFrame(rows: number): RawFrame {
  const random = mulberry32(11);
  const columns: RawColumn[] = [];
  for (let c = 0; c < 30; c++) {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = random() < 0.05 ? Number.NaN : Math.floor(random() * 100 * (c + 1));
    columns.push({ name: `numeric_${c}`, kind: "numeric", values });
  }
  for (let c = 0; c < 2; c++) {
    columns.push({ name: `date_${c}`, kind: "date", values: Float64Array.from({ length: rows }, () => 19_000 + Math.floor(random() * 700)) });
  }
  const pools = [
    Array.from({ length: 40 }, (_, k) => `country_${k}`),
    ["free", "basic", "pro", "enterprise"],
    Array.from({ length: 8 }, (_, k) => `source_${k}`),
  ];
  pools.forEach((pool, c) => {
    // Skewed draws (squared uniform) so some categories are rare and land in __other__.
    const values = Array.from({ length: rows }, () => (random() < 0.02 ? null : pool[Math.floor(random() ** 2 * pool.length)]));
    columns.push({ name: `category_${c}`, kind: "categorical", values });
  });
  const asOf = Float64Array.from({ length: rows }, () => 19_700 + Math.floor(random() * 60));
  return { rows, columns, asOf };
}

export async function benchPreprocess(): Promise<void> {
  const rows = 180_000;
  const frame = syntheticFrame(rows);
  const fitTimes: number[] = [];
  const transformTimes: number[] = [];
  const reusedTimes: number[] = [];
  let out: Float64Array | undefined;
  let designColumns = 0;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    const preprocessor = fitPreprocessor(frame);
    const t1 = performance.now();
    const { matrix } = preprocessor.transform(frame);
    const t2 = performance.now();
    out ??= new Float64Array(matrix.data.length).fill(0);
    const t3 = performance.now();
    preprocessor.transform(frame, { out });
    const t4 = performance.now();
    fitTimes.push((t1 - t0) / 1000);
    transformTimes.push((t2 - t1) / 1000);
    reusedTimes.push((t4 - t3) / 1000);
    designColumns = matrix.cols;
  }
  console.log(
    JSON.stringify({
      bench: "preprocess",
      rows,
      raw_columns: frame.columns.length,
      design_columns: designColumns,
      fit_seconds: median(fitTimes),
      transform_seconds: median(transformTimes),
      transform_into_reused_buffer_seconds: median(reusedTimes),
      matrix_megabytes: Math.round((rows * designColumns * 8) / 1e6),
      repeats: REPEATS,
    }),
  );
}
