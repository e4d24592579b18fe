import type { DriftReportInput } from "../drift-report-input.ts";

/**
 * A drift run as the e-learning pipeline would report it after the injected shift (watch minutes × 50):
 * two drifted columns (one numeric, one categorical) listed after three that did not drift, so ordering shows.
 */
export function sampleDriftReportInput(): DriftReportInput {
  return {
    title: "Drift report: elearning",
    dataset: "elearning",
    runId: "5b0e8a52-3c1d-4f7e-9a61-0c2d9e4b7f10",
    createdAt: "2026-03-02T06:00:00.000Z",
    model: { name: "elearning-churn", version: 3 },
    referenceLabel: "training set (elearning-churn v3)",
    currentLabel: "scored 2026-03-01",
    referenceRows: 180_000,
    currentRows: 2_000,
    shareThreshold: 0.5,
    share: 0.4,
    datasetDrift: false,
    status: "warn",
    columns: [
      {
        column: "logins_7d", kind: "numeric", test: "wasserstein", statistic: 0.031, pValue: null, threshold: 0.1, drifted: false,
        psi: 0.012, psiStatus: "pass",
        histogram: { kind: "numeric", edges: [0, 1, 2, 4, 7, 12, 20], reference: [0.18, 0.2, 0.22, 0.2, 0.14, 0.06], current: [0.17, 0.21, 0.22, 0.2, 0.14, 0.06] },
      },
      {
        column: "watch_minutes_7d", kind: "numeric", test: "wasserstein", statistic: 4.87, pValue: null, threshold: 0.1, drifted: true,
        psi: 3.91, psiStatus: "fail",
        histogram: {
          kind: "numeric",
          edges: [0, 15, 40, 80, 140, 220, 330, 480, 700, 1000, 50_000],
          reference: [1800, 1900, 1750, 1700, 1650, 1600, 1500, 1400, 1300, 1200],
          current: [20, 15, 10, 12, 9, 11, 14, 18, 21, 1870],
        },
      },
      {
        column: "plan", kind: "categorical", test: "jensenshannon", statistic: 0.02, pValue: null, threshold: 0.1, drifted: false,
        psi: null, psiStatus: null,
        histogram: { kind: "categorical", categories: ["free", "basic", "pro", "team"], reference: [9000, 5200, 3100, 700], current: [980, 590, 350, 80] },
      },
      {
        column: "country", kind: "categorical", test: "chisquare", statistic: 412.7, pValue: 3.2e-84, threshold: 0.05, drifted: true,
        psi: null, psiStatus: null,
        histogram: {
          kind: "categorical",
          categories: ["AR", "BR", "CL", "CO", "MX", "PE", "UY", "other (12 countries)"],
          reference: [3000, 4200, 900, 1500, 5100, 800, 300, 2200],
          current: [610, 240, 90, 150, 510, 80, 30, 290],
        },
      },
      {
        column: "has_mobile_app", kind: "categorical", test: "z", statistic: 0.84, pValue: 0.4, threshold: 0.05, drifted: false,
        psi: null, psiStatus: null,
        histogram: { kind: "categorical", categories: ["0", "1"], reference: [11000, 7000], current: [1240, 760] },
      },
    ],
  };
}
