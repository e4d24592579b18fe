import type { BadgeVariant } from "../components/badge.tsx";

// Display text of drift checks. Pure and deterministic (no locale), for server and client components alike.

const TESTS: Record<string, string> = {
  ks: "Kolmogorov-Smirnov",
  chi_square: "Chi-square",
  z_test: "Z-test (proportions)",
  wasserstein_normed: "Wasserstein (normed)",
  jensen_shannon: "Jensen-Shannon",
};

/** A drift test id as its name ("ks" → "Kolmogorov-Smirnov"); unknown ids as they are. */
export function driftTestName(test: string): string {
  return TESTS[test] ?? test;
}

/** p-value tests drift when p < threshold; distance tests when the distance ≥ threshold. */
export function driftRule(test: string): string {
  return test === "wasserstein_normed" || test === "jensen_shannon" ? "drift when ≥ threshold" : "drift when p < threshold";
}

/** pass green, warn amber, fail red (dataset verdicts and PSI statuses alike). */
export function driftStatusVariant(status: string | null): BadgeVariant {
  return status === "pass" ? "success" : status === "warn" ? "warning" : status === "fail" ? "destructive" : "neutral";
}

/** A statistic or PSI: 4 decimals, or 3 significant digits when tiny; "—" when missing. */
export function formatStatistic(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  if (x !== 0 && Math.abs(x) < 0.0001) return x.toExponential(2);
  return x.toFixed(4);
}

/** A p-value: "<0.0001" below that, else 4 decimals; "—" for tests without one. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "—";
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
