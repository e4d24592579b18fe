import { readFileSync } from "node:fs";

const read = (file: string) => JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"));

export interface NumericReferenceCase {
  reference: number[];
  current: number[];
  ks_statistic: number;
  ks_pvalue: number;
  wasserstein: number;
  wasserstein_normed: number;
  psi_10_quantile_bins: number;
}

export interface CategoricalReferenceCase {
  reference: string[];
  current: string[];
  categories: string[];
  chi2_statistic: number;
  chi2_pvalue: number;
  jensenshannon_base2: number;
}

export interface BinaryReferenceCase {
  reference: number[];
  current: number[];
  z: number;
  pvalue_two_sided: number;
}

// A committed copy of /work/shared/reference/drift_statistics.json (scipy 1.10.1; see its `about`), so the tests
// run from any clone.
export const driftReference = read("drift_statistics.json") as {
  about: string;
  numeric: NumericReferenceCase[];
  categorical: CategoricalReferenceCase[];
  binary: BinaryReferenceCase[];
};

type SampleSpec = [n: number, multiplier: number, modulus: number, shift: number];

// Branches drift_statistics.json does not reach, from make-drift-extra.py (scipy 1.17.1, whose ks_2samp,
// kstwo and smirnov code is unchanged since 1.10.1).
export const driftExtra = read("drift_extra.json") as {
  about: string;
  ks_2samp: { reference: SampleSpec; current: SampleSpec; statistic: number; pvalue: number }[];
  kstwo_sf: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
  chi2_sf: { x: number; df: number; sf: number }[];
  normal_two_sided: { z: number; p: number }[];
  ties: {
    reference: [number, number, number];
    current: [number, number, number];
    wasserstein: number;
    wasserstein_normed: number;
    psi: number;
    psi_inner_edges: number[];
    psi_reference: number[];
    psi_current: number[];
  }[];
  jensenshannon: { p: number[]; q: number[]; distance: number }[];
  chisquare: { observed: number[]; expected: number[]; statistic: number; pvalue: number }[];
};

/** make-drift-extra.py `sample`: ((i·multiplier) mod modulus)/100 + shift, exact in float64 in both languages. */
export function sample([n, multiplier, modulus, shift]: SampleSpec): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => ((i * multiplier) % modulus) / 100 + shift);
}

/** make-drift-extra.py tie samples: float((i·multiplier) mod modulus). */
export function tieSample([n, multiplier, modulus]: [number, number, number]): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i * multiplier) % modulus);
}

/** |a − b| ≤ tolerance · max(1, |b|): the reference README's tolerance (absolute below 1, relative above). */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** |a − b| ≤ tolerance · |b|: relative, for p-values far below 1 where closeTo would accept anything. */
export function relativelyClose(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected);
}
