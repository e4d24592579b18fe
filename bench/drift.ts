// `npm run bench -- drift`: columnDrift over every column of a 240k-row × 20-column frame (12 numeric — one with
// 3% missing, a 0/1 flag, a 4-level code — and 8 categorical with 3 to 60 levels, some missing), reference and
// current 240k rows each, current mildly shifted; then datasetDrift. Reference measured in the same run: a plain
// Float64Array sort of the same numeric data (each numeric column, both samples), the floor for any
// sort-based statistic. Also the small-reference path (1,000 reference rows → KS, chi-square, z-test against
// the same 240k current rows). Medians of REPEATS. Issue 11 target: the 240k × 20 drift ≤ 2 s.
import { columnDrift } from "../lib/monitoring/drift/column-drift.ts";
import { datasetDrift } from "../lib/monitoring/drift/dataset-drift.ts";
import type { ColumnValues } from "../lib/monitoring/drift/types.ts";
import { mulberry32, type Random } from "../lib/ml/random.ts";
import { median, REPEATS } from "./bench-helpers.ts";

const ROWS = 240_000;
const SMALL_REFERENCE_ROWS = 1_000;

/** Sum of four uniforms, centred: a cheap bell shape. */
const bell = (random: Random) => random() + random() + random() + random() - 2;

function syntheticColumns(rows: number, seed: number, shift: number): ColumnValues[] {
  const random = mulberry32(seed);
  const columns: ColumnValues[] = [];
  for (let c = 0; c < 10; c++) {
    const values = new Float64Array(rows);
    const scale = 10 * (c + 1);
    for (let i = 0; i < rows; i++) values[i] = c === 0 && random() < 0.03 ? Number.NaN : bell(random) * scale + 100 * c + shift * scale;
    columns.push({ name: `numeric_${c}`, kind: "numeric", values });
  }
  columns.push({ name: "flag", kind: "numeric", values: Float64Array.from({ length: rows }, () => (random() < 0.3 + shift ? 1 : 0)) });
  columns.push({ name: "code", kind: "numeric", values: Float64Array.from({ length: rows }, () => Math.floor(random() ** 2 * 4)) });
  const pools = [3, 4, 8, 12, 20, 30, 45, 60].map((size, p) => Array.from({ length: size }, (_, k) => `level_${p}_${k}`));
  for (const [p, pool] of pools.entries()) {
    // Skewed draws (power of a uniform) so some levels are rare; 1% missing.
    const values = Array.from({ length: rows }, () => (random() < 0.01 ? null : pool[Math.floor(random() ** (1.5 + shift) * pool.length)]));
    columns.push({ name: `category_${p}`, kind: "categorical", values });
  }
  return columns;
}

function timeDrift(reference: ColumnValues[], current: ColumnValues[]) {
  const t0 = performance.now();
  const results = reference.map((column, i) => columnDrift(column, current[i]));
  const summary = datasetDrift(results);
  return { seconds: (performance.now() - t0) / 1000, summary };
}

function timeSorts(reference: ColumnValues[], current: ColumnValues[]): number {
  const t0 = performance.now();
  for (const sample of [reference, current]) {
    for (const column of sample) if (column.kind === "numeric") Float64Array.from(column.values).sort();
  }
  return (performance.now() - t0) / 1000;
}

function sliceColumns(columns: ColumnValues[], rows: number): ColumnValues[] {
  return columns.map((c) =>
    c.kind === "numeric" ? { ...c, values: c.values.slice(0, rows) } : { ...c, values: c.values.slice(0, rows) },
  );
}

export async function benchDrift(): Promise<void> {
  const reference = syntheticColumns(ROWS, 1, 0);
  const current = syntheticColumns(ROWS, 2, 0.02);
  const smallReference = sliceColumns(reference, SMALL_REFERENCE_ROWS);
  timeDrift(reference, current); // warm-up: JIT, so the medians compare steady states

  const driftTimes: number[] = [];
  const sortTimes: number[] = [];
  const smallTimes: number[] = [];
  let large!: ReturnType<typeof timeDrift>["summary"];
  let small!: ReturnType<typeof timeDrift>["summary"];
  for (let r = 0; r < REPEATS; r++) {
    sortTimes.push(timeSorts(reference, current));
    const run = timeDrift(reference, current);
    driftTimes.push(run.seconds);
    large = run.summary;
    const smallRun = timeDrift(smallReference, current);
    smallTimes.push(smallRun.seconds);
    small = smallRun.summary;
  }
  const drift = median(driftTimes);
  const sort = median(sortTimes);
  const smallDrift = median(smallTimes);
  const tests = (s: typeof large) => [...new Set(s.columns.map((c) => c.test))].join("/");
  console.log(
    `drift     ${ROWS.toLocaleString()} rows × ${reference.length} columns (reference and current) ${drift.toFixed(3)} s` +
      `  ratio ${(drift / sort).toFixed(2)}x of sorting the numeric data (${sort.toFixed(3)} s)  (target <= 2 s)` +
      `  tests ${tests(large)}, ${large.driftedColumns} drifted, status ${large.status}`,
  );
  console.log(
    `drift     ${SMALL_REFERENCE_ROWS.toLocaleString()}-row reference vs ${ROWS.toLocaleString()} current × ${reference.length} columns ${smallDrift.toFixed(3)} s` +
      `  ratio ${(smallDrift / sort).toFixed(2)}x of the same sort  tests ${tests(small)}, ${small.driftedColumns} drifted, status ${small.status}`,
  );
  console.log(
    JSON.stringify({
      bench: "drift",
      rows: ROWS,
      columns: reference.length,
      drift_seconds: drift,
      sort_reference_seconds: sort,
      ratio: drift / sort,
      small_reference_drift_seconds: smallDrift,
      repeats: REPEATS,
    }),
  );
}
