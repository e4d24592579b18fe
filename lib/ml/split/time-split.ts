import { checkShare, type RowSplit } from "./row-split.ts";

/** Options of timeSplit. */
export interface TimeSplitOptions {
  /** share of the distinct as-of dates, the latest ones, that form the test set (default 0.2) */
  testShare?: number;
  /** share of the distinct dates *before* the test dates, the latest of them, that form the validation set (default 0.2) */
  validationShare?: number;
  /**
   * drop rows whose as-of date is within `gapDays` before the next block's first date (default 0). A label that
   * looks 30 days ahead (e-learning churn) overlaps the next block unless the gap is ≥ 30; the gap trades rows
   * for a stricter out-of-time estimate.
   */
  gapDays?: number;
}

/**
 * Time-aware split of panel data (one row per entity per as-of date): the latest `testShare` of the distinct
 * as-of dates is the test set, the latest `validationShare` of the remaining dates is the validation set (the
 * model search scores on it), and the earlier dates train. Every row of one date lands in one set, so no later
 * information reaches an earlier set ("no date leakage"): max(train date) < min(validation date) < min(test date).
 *
 * Block sizes are round(share · dates), at least one date for test (and for validation when its share is > 0),
 * and at least one date is left for training.
 *
 * Reference: the forward-chaining split of scikit-learn `TimeSeriesSplit`, on dates instead of rows.
 *
 * O(n log n): one sort of the distinct dates.
 *
 * @param asOf as-of date of each row, days since 1970-01-01 (any increasing time unit works)
 * @throws RangeError on a NaN date, bad shares, or fewer distinct dates than the blocks need
 * @example timeSplit(Float64Array.from([1, 1, 2, 3, 4, 5]), { testShare: 0.2, validationShare: 0.25 })
 *   // 5 dates: test = date 5 (row 5), validation = date 4 (row 4), train = rows 0–3
 */
export function timeSplit(asOf: Float64Array, options: TimeSplitOptions = {}): RowSplit {
  const { testShare = 0.2, validationShare = 0.2, gapDays = 0 } = options;
  checkShare("timeSplit", "testShare", testShare);
  checkShare("timeSplit", "validationShare", validationShare);
  if (!(gapDays >= 0)) throw new RangeError(`timeSplit: gapDays = ${gapDays}; need a number >= 0`);
  for (let i = 0; i < asOf.length; i++) {
    if (Number.isNaN(asOf[i])) throw new RangeError(`timeSplit: asOf[${i}] is NaN; every row needs an as-of date`);
  }
  const dates = Float64Array.from(new Set(asOf)).sort();
  const testDates = Math.max(1, Math.round(testShare * dates.length));
  const beforeTest = dates.length - testDates;
  const validationDates = validationShare > 0 ? Math.max(1, Math.round(validationShare * beforeTest)) : 0;
  if (beforeTest - validationDates < 1) {
    throw new RangeError(
      `timeSplit: ${dates.length} distinct as-of dates cannot hold ${testDates} test + ${validationDates} validation dates and a training date; use more dates or smaller shares`,
    );
  }
  const testStart = dates[beforeTest];
  const validationStart = dates[beforeTest - validationDates];

  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < asOf.length; i++) {
    const date = asOf[i];
    if (date >= testStart) test.push(i);
    else if (validationDates > 0 && date >= validationStart) {
      if (gapDays > 0 && date >= testStart - gapDays) continue;
      validation.push(i);
    } else {
      const nextStart = validationDates > 0 ? validationStart : testStart;
      if (gapDays > 0 && date >= nextStart - gapDays) continue;
      train.push(i);
    }
  }
  return { train: Uint32Array.from(train), validation: Uint32Array.from(validation), test: Uint32Array.from(test) };
}
