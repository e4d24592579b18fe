import type { PreprocessorJson } from "../ml/preprocess/preprocessor-json.ts";
import type { ModelJson } from "../ml/types.ts";

// A linear model scores inside Postgres: its preprocessing (impute, standardise, one-hot) and its coefficients
// become one SQL expression over the feature columns, so scoring 240k rows is one INSERT … SELECT and no row leaves
// the database. The expression mirrors lib/ml's transformFrame + LinearModel.raw (same fill, mean, scale,
// categories; standardisation folded into the weights), so it agrees with Node scoring to rounding (≤ 1e-12 in
// practice; the tests hold it to 1e-9).

/** Linear families whose JSON carries { intercept, coef[] } over the preprocessor's design columns. */
export const LINEAR_FAMILIES: ReadonlySet<string> = new Set(["logistic-regression", "baseline-logistic"]);

export function isLinearFamily(family: string): boolean {
  return LINEAR_FAMILIES.has(family);
}

/** A float8 literal that round-trips exactly (JS shortest form parses back to the same double in Postgres). */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`linear SQL: non-finite number ${v} in the model`);
  return `${v}::float8`;
}

/** A standard-conforming SQL string literal (Postgres 15 and PGlite have standard_conforming_strings on). */
export function textLiteral(s: string): string {
  if (s.includes("\u0000")) throw new RangeError("linear SQL: a category contains a NUL character");
  return `'${s.replaceAll("'", "''")}'`;
}

export interface LinearSqlInputs {
  /** SQL giving the raw value of a feature: numbers as float8, booleans as 0/1, dates as days since 1970-01-01, categories as text */
  value(name: string, kind: string): string;
  /** SQL giving the row's as-of day (days since 1970-01-01) for date ages, or null to use the preprocessor's reference date */
  asOfDay: string | null;
}

function linearParts(model: ModelJson): { intercept: number; coef: number[] } {
  const { intercept, coef } = model as { intercept?: unknown; coef?: unknown };
  if (typeof intercept !== "number" || !Array.isArray(coef) || !coef.every((c) => typeof c === "number")) {
    throw new RangeError(`linear SQL: a ${model.family} model needs a numeric intercept and coef[]`);
  }
  return { intercept, coef: coef as number[] };
}

/**
 * The margin (log-odds) of a linear model as one SQL expression. Terms with a zero coefficient are left out (an
 * elastic net zeroes many), so the expression stays as small as the model.
 * @throws RangeError when the model is not linear or its coefficients do not match the preprocessor's columns
 */
export function linearMarginSql(preprocessing: PreprocessorJson, model: ModelJson, inputs: LinearSqlInputs): string {
  if (!isLinearFamily(model.family)) throw new RangeError(`linear SQL: family "${model.family}" is not linear`);
  const { intercept, coef } = linearParts(model);
  if (coef.length !== preprocessing.columns.length) {
    throw new RangeError(`linear SQL: the model has ${coef.length} coefficients but the preprocessor makes ${preprocessing.columns.length} columns`);
  }
  // Standardisation is folded into the weights: ((x - mean) / scale) * w = x * (w / scale) - mean * w / scale, and
  // the constant parts join the intercept. One multiply-add per feature instead of four operations; the results
  // differ from the unfolded form by rounding only (~1e-15 relative).
  const terms: string[] = [];
  let constant = intercept;
  let j = 0;
  for (const step of preprocessing.steps) {
    const v = inputs.value(step.name, step.kind);
    if (step.kind === "categorical") {
      // transformFrame's rule: null → the missing column, a training category → its column, a rare one → other,
      // anything unseen → all zeros.
      const arms: string[] = [];
      const missingAt = j + step.categories.length + (step.other ? 1 : 0);
      if (step.missing && coef[missingAt] !== 0) arms.push(`WHEN ${v} IS NULL THEN ${num(coef[missingAt]!)}`);
      step.categories.forEach((c, k) => {
        if (coef[j + k] !== 0) arms.push(`WHEN ${v} = ${textLiteral(c)} THEN ${num(coef[j + k]!)}`);
      });
      const otherAt = j + step.categories.length;
      if (step.other && step.rare.length > 0 && coef[otherAt] !== 0) {
        arms.push(`WHEN ${v} IN (${step.rare.map(textLiteral).join(", ")}) THEN ${num(coef[otherAt]!)}`);
      }
      if (arms.length > 0) terms.push(`(CASE ${arms.join(" ")} ELSE 0::float8 END)`);
      j = missingAt + (step.missing ? 1 : 0);
      continue;
    }
    let x = v;
    if (step.kind === "date") {
      const asOf = inputs.asOfDay ?? (preprocessing.referenceDate === null ? null : num(preprocessing.referenceDate));
      if (asOf === null) throw new RangeError(`linear SQL: date feature "${step.name}" needs an as-of day and the model has no reference date`);
      x = `(${asOf} - ${v})`;
    }
    const w = coef[j]!;
    if (w !== 0) {
      terms.push(`COALESCE(${x}, ${num(step.fill)}) * ${num(w / step.scale)}`);
      constant -= (step.mean * w) / step.scale;
    }
    j++;
    if (step.indicator) {
      const wi = coef[j]!;
      if (wi !== 0) terms.push(`(CASE WHEN ${x} IS NULL THEN ${num(wi)} ELSE 0::float8 END)`);
      j++;
    }
  }
  return [num(constant), ...terms].join("\n + ");
}

/**
 * sigmoid(margin) in SQL, split like lib/ml's sigmoid so neither branch overflows; exp() is clamped at ±700 because
 * Postgres raises "value out of range: underflow" where JavaScript returns 0 (the clamp changes results by < 1e-300).
 */
export function sigmoidSql(margin: string): string {
  return `(CASE WHEN ${margin} >= 0 THEN 1 / (1 + exp(-LEAST(${margin}, 700::float8))) ELSE exp(GREATEST(${margin}, -700::float8)) / (1 + exp(GREATEST(${margin}, -700::float8))) END)`;
}
