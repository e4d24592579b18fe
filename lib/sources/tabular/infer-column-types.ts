import type { DateFormat } from "../../quality/expectation-types.ts";
import { INFERRED_DATE_FORMATS, matchesDateFormat } from "./date-layouts.ts";
import { isNumberText } from "../../values/number-grammar.ts";
import { trimAscii } from "../../values/trim-ascii.ts";

export { INFERRED_DATE_FORMATS, matchesDateFormat };

// Column type inference for "any tabular churn dataset" (ARCHITECTURE §6.3). Pure: a header and a sample of
// records in, one profile per column out. The caller streams the sample (the first SAMPLE_ROWS rows), so a
// 1 GB file costs the same as a 1 MB one here.

export const SAMPLE_ROWS = 5_000;

export const TABULAR_COLUMN_TYPES = ["numeric", "categorical", "date", "boolean", "text"] as const;
export type TabularColumnType = (typeof TABULAR_COLUMN_TYPES)[number];
export const COLUMN_ROLES = ["id", "target", "feature", "ignore"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Categorical: at most this many distinct values... */
export const CATEGORICAL_MAX_DISTINCT = 50;
/** ...or at most this share of the non-empty values distinct (a 5,000-row sample allows 250 categories). */
export const CATEGORICAL_MAX_SHARE = 0.05;
/**
 * Distinct values tracked per column: the whole default sample, so distinct counts (and "every value is unique",
 * what suggests an id column) are exact. The map holds the record's own strings, so it adds little memory.
 */
const MAX_TRACKED_DISTINCT = SAMPLE_ROWS;
/** Category lists are kept (for the "new category" warning) up to this many values. */
export const MAX_STORED_CATEGORIES = 250;
const MAX_EXAMPLES = 5;
const MAX_EXAMPLE_LENGTH = 80;


/** Two-valued boolean spellings, compared case-insensitively. 1/0 is deliberately not here: it stays numeric. */
export const BOOLEAN_PAIRS: readonly { true: string; false: string }[] = [
  { true: "yes", false: "no" },
  { true: "true", false: "false" },
  { true: "y", false: "n" },
  { true: "t", false: "f" },
];


export interface BinaryValues {
  /** The value counted as 1 (churned) in staging. */
  positive: string;
  negative: string;
  /** True when no rule recognised which value means churn (the user should check it). */
  guessed: boolean;
  /** Both values are numbers: compared numerically ("1" = "1.0"). */
  numeric: boolean;
}

export interface ColumnProfile {
  /** Header as written in the CSV (trimmed). */
  name: string;
  inferredType: TabularColumnType;
  /** Up to 5 distinct non-empty values, in order of appearance. */
  examples: string[];
  /** Share of sampled rows where the field is empty or blank. */
  nullShare: number;
  nonEmpty: number;
  /** Distinct non-empty values (exact up to SAMPLE_ROWS; `distinctCapped` beyond). */
  distinctCount: number;
  distinctCapped: boolean;
  /** Distinct values, most frequent first, when there are at most MAX_STORED_CATEGORIES (categorical and text columns). */
  categories?: string[];
  min?: number;
  max?: number;
  /** Share of non-empty values that parse as finite numbers. */
  numericShare: number;
  /** The layout dates are read with (first of dateFormats). */
  dateFormat?: DateFormat;
  /** Every layout all sampled values fit (for a user who overrides the type). */
  dateFormats?: DateFormat[];
  /** The boolean spelling pair every value belongs to. */
  booleanPair?: { true: string; false: string };
  /** Present when the column has exactly two distinct values (case-insensitive; numbers compared as numbers). */
  binary?: BinaryValues;
}

export interface InferenceOptions {
  categoricalMaxDistinct?: number;
  categoricalMaxShare?: number;
}

export { isNumberText };

const POSITIVE_WORDS = /churn|exit|attrit|cancel|left|leav|lost|inactive|closed|terminat|quit|gone|lapse|former|defect/;
const NEGATIVE_WORDS = /retain|stay|stayed|active|existing|current|renew|loyal|kept|remain|still/;
const NEGATION = /^(not|non|no|never)\b|^non[-_]|\bnot\b/;

/** +1: reads like "churned", -1: reads like "retained", 0: unknown. */
function churnScore(value: string): number {
  const v = value.toLowerCase();
  const negated = NEGATION.test(v);
  if (POSITIVE_WORDS.test(v)) return negated ? -1 : 1;
  if (NEGATIVE_WORDS.test(v) || negated) return -1;
  return 0;
}

/**
 * Which of two label values means "churned" (maps to 1): 1 of 0/1; the true side of Yes/No, True/False, Y/N;
 * "churned"/"exited"/"attrited" over "retained"/"existing". Otherwise a guess (the larger number, or the later
 * text in sort order), flagged `guessed` so the user confirms it.
 */
export function guessPositive(a: string, b: string): BinaryValues {
  const pick = (positive: string, guessed: boolean, numeric = false): BinaryValues => ({ positive, negative: positive === a ? b : a, guessed, numeric });
  if (isNumberText(a) && isNumberText(b)) {
    const [x, y] = [Number(a), Number(b)];
    if ((x === 0 && y === 1) || (x === 1 && y === 0)) return pick(x === 1 ? a : b, false, true);
    return pick(x > y ? a : b, true, true);
  }
  for (const pair of BOOLEAN_PAIRS) {
    const [la, lb] = [a.toLowerCase(), b.toLowerCase()];
    if (la === pair.true && lb === pair.false) return pick(a, false);
    if (lb === pair.true && la === pair.false) return pick(b, false);
  }
  const [sa, sb] = [churnScore(a), churnScore(b)];
  if (sa !== sb) return pick(sa > sb ? a : b, false);
  return pick(a.localeCompare(b) > 0 ? a : b, true);
}

interface Accumulator {
  nonEmpty: number;
  empty: number;
  counts: Map<string, number>;
  capped: boolean;
  numeric: number;
  min: number;
  max: number;
  dateFormats: DateFormat[];
  booleanPairs: (typeof BOOLEAN_PAIRS)[number][];
  /** Distinct values folded (lowercase; numbers by value), first spelling kept; at most 3 tracked. */
  folded: Map<string, string>;
  examples: string[];
}

const fresh = (): Accumulator => ({
  nonEmpty: 0, empty: 0, counts: new Map(), capped: false, numeric: 0, min: Infinity, max: -Infinity,
  dateFormats: [...INFERRED_DATE_FORMATS], booleanPairs: [...BOOLEAN_PAIRS], folded: new Map(), examples: [],
});

function observe(acc: Accumulator, raw: string | undefined): void {
  const value = trimAscii(raw ?? "");
  if (value === "") {
    acc.empty++;
    return;
  }
  acc.nonEmpty++;
  const seen = acc.counts.get(value);
  if (seen !== undefined) acc.counts.set(value, seen + 1);
  else if (acc.counts.size < MAX_TRACKED_DISTINCT) {
    acc.counts.set(value, 1);
    if (acc.examples.length < MAX_EXAMPLES) acc.examples.push(value.length > MAX_EXAMPLE_LENGTH ? `${value.slice(0, MAX_EXAMPLE_LENGTH - 1)}…` : value);
  } else acc.capped = true;
  const isNumber = isNumberText(value);
  if (isNumber) {
    acc.numeric++;
    const n = Number(value);
    if (n < acc.min) acc.min = n;
    if (n > acc.max) acc.max = n;
  }
  if (acc.dateFormats.length) acc.dateFormats = acc.dateFormats.filter((f) => matchesDateFormat(value, f));
  if (acc.booleanPairs.length) {
    const lower = value.toLowerCase();
    acc.booleanPairs = acc.booleanPairs.filter((p) => lower === p.true || lower === p.false);
  }
  if (acc.folded.size <= 2) {
    const key = isNumber ? `#${Number(value)}` : value.toLowerCase();
    if (!acc.folded.has(key)) acc.folded.set(key, value);
  }
}

function decideType(acc: Accumulator, opts: Required<InferenceOptions>): TabularColumnType {
  if (acc.nonEmpty === 0) return "text";
  if (acc.numeric === acc.nonEmpty) return "numeric";
  if (acc.booleanPairs.length) return "boolean";
  if (acc.dateFormats.length) return "date";
  if (acc.capped) return "text";
  const distinct = acc.counts.size;
  // A small sample where (nearly) every value is different is free text, not a short category list: values
  // must repeat (at most one distinct value per two rows) for the 50-value rule to apply.
  const fewValues = distinct <= opts.categoricalMaxDistinct && distinct <= Math.max(2, acc.nonEmpty / 2);
  const lowShare = distinct <= acc.nonEmpty * opts.categoricalMaxShare;
  return fewValues || lowShare ? "categorical" : "text";
}

/** Profiles every column of a sample. `rows` hold raw fields in header order (missing trailing fields count as empty). */
export function inferColumnTypes(header: readonly string[], rows: readonly (readonly string[])[], options: InferenceOptions = {}): ColumnProfile[] {
  const opts: Required<InferenceOptions> = {
    categoricalMaxDistinct: options.categoricalMaxDistinct ?? CATEGORICAL_MAX_DISTINCT,
    categoricalMaxShare: options.categoricalMaxShare ?? CATEGORICAL_MAX_SHARE,
  };
  const accs = header.map(fresh);
  for (const row of rows) for (let c = 0; c < accs.length; c++) observe(accs[c], row[c]);
  return header.map((name, c) => {
    const acc = accs[c];
    const type = decideType(acc, opts);
    const total = acc.nonEmpty + acc.empty;
    const profile: ColumnProfile = {
      name: trimAscii(name),
      inferredType: type,
      examples: acc.examples,
      nullShare: total ? acc.empty / total : 0,
      nonEmpty: acc.nonEmpty,
      distinctCount: acc.counts.size,
      distinctCapped: acc.capped,
      numericShare: acc.nonEmpty ? acc.numeric / acc.nonEmpty : 0,
    };
    if (acc.numeric > 0 && type === "numeric") Object.assign(profile, { min: acc.min, max: acc.max });
    if ((type === "categorical" || type === "text") && !acc.capped && acc.counts.size > 0 && acc.counts.size <= MAX_STORED_CATEGORIES) {
      profile.categories = [...acc.counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([v]) => v);
    }
    if (acc.nonEmpty && acc.dateFormats.length) Object.assign(profile, { dateFormat: acc.dateFormats[0], dateFormats: acc.dateFormats });
    if (acc.nonEmpty && acc.booleanPairs.length) profile.booleanPair = { ...acc.booleanPairs[0] };
    if (acc.folded.size === 2) {
      const [a, b] = [...acc.folded.values()];
      profile.binary = guessPositive(a, b);
    }
    return profile;
  });
}

export class TargetNotBinaryError extends Error {}

/**
 * The target must be binary: exactly two distinct non-empty values in the sample. Returns which one maps to 1;
 * `positive` (one of the two values, case-insensitive) overrides the guess.
 */
export function validateTarget(profile: ColumnProfile, positive?: string): BinaryValues {
  if (!profile.binary) {
    const shown = (profile.categories ?? profile.examples).slice(0, 6).map((v) => JSON.stringify(v)).join(", ");
    const count = profile.distinctCapped ? `more than ${profile.distinctCount}` : String(profile.distinctCount);
    const what = profile.nonEmpty === 0 ? "it is empty in every sampled row" : `it has ${count} distinct value(s) (${shown}${profile.distinctCount > 6 ? ", …" : ""})`;
    throw new TargetNotBinaryError(
      `The target column "${profile.name}" must be binary (exactly two distinct values such as 0/1, Yes/No or churned/retained), but ${what}. To fix: choose the churn label column as the target.`,
    );
  }
  if (positive === undefined || positive === "") return profile.binary;
  const { positive: p, negative: n, numeric } = profile.binary;
  const same = (x: string, y: string) => (numeric && isNumberText(x) && isNumberText(y) ? Number(x) === Number(y) : x.toLowerCase() === trimAscii(y).toLowerCase());
  if (same(p, positive)) return { ...profile.binary, guessed: false };
  if (same(n, positive)) return { positive: n, negative: p, guessed: false, numeric };
  throw new TargetNotBinaryError(`"${positive}" is not a value of the target column "${profile.name}"; its values are "${p}" and "${n}".`);
}

const ID_NAMES = [/(^|[_\s.-])(id|uuid)$/i, /[a-z0-9](Id|ID)$/, /^(customer|user|client|account|member|subscriber)id$/i];
const ID_LIKE = /key|number|code|uuid|guid/i;
const TARGET_NAME = /churn|exited|attrition|attrited|target|label|^left$|cancel|^y$/i;

/** Likely id and target columns, for preselecting the confirmation form (the user decides). */
export function suggestRoles(profiles: readonly ColumnProfile[]): { idColumn?: string; targetColumn?: string } {
  const unique = (p: ColumnProfile) => p.nonEmpty > 0 && p.nullShare === 0 && !p.distinctCapped && p.distinctCount === p.nonEmpty;
  const idColumn =
    profiles.find((p) => unique(p) && ID_NAMES.some((re) => re.test(p.name)))?.name ??
    profiles.find((p) => unique(p) && ID_LIKE.test(p.name))?.name ??
    profiles.find((p) => unique(p) && p.inferredType !== "date")?.name;
  const binaries = profiles.filter((p) => p.binary && p.name !== idColumn);
  const targetColumn = binaries.find((p) => TARGET_NAME.test(p.name))?.name ?? binaries.at(-1)?.name;
  return { idColumn, targetColumn };
}
