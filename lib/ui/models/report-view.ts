import { z } from "zod";

// A version's `metrics` is the test-set report lib/ml's evaluateBinary writes (BinaryReport), stored as JSON. The
// pages read it through this one parser: each part is checked on its own, so a version missing a part (an older
// artifact, a family without curves) still shows the rest, and no page ever casts JSON.

const num = z.number();
const numArray = z.array(num);

const rocSchema = z.object({ fpr: numArray, tpr: numArray, thresholds: numArray });
const prSchema = z.object({ precision: numArray, recall: numArray, thresholds: z.array(num.nullable()) });
const calibrationSchema = z.array(z.object({ lower: num, upper: num, count: num, mean_predicted: num.nullable(), observed_rate: num.nullable() }));
const gainsSchema = z.object({ fraction: numArray, gain: numArray, at_10: num.optional() });
const confusionSchema = z.object({ tp: num, fp: num, tn: num, fn: num });

export type RocCurve = z.infer<typeof rocSchema>;
export type PrCurve = z.infer<typeof prSchema>;
export type CalibrationView = z.infer<typeof calibrationSchema>;
export type GainsCurve = z.infer<typeof gainsSchema>;
export type ConfusionView = z.infer<typeof confusionSchema>;

/** Headline metrics in display order, with what they mean in a few words. */
export const HEADLINE_METRICS = [
  { key: "roc_auc", label: "ROC-AUC", hint: "ranking quality, 0.5 = random" },
  { key: "pr_auc", label: "PR-AUC", hint: "average precision" },
  { key: "log_loss", label: "Log loss", hint: "lower is better" },
  { key: "brier", label: "Brier score", hint: "lower is better" },
  { key: "accuracy", label: "Accuracy", hint: "at the threshold" },
  { key: "precision", label: "Precision", hint: "at the threshold" },
  { key: "recall", label: "Recall", hint: "at the threshold" },
  { key: "f1", label: "F1", hint: "at the threshold" },
  { key: "lift_at_10", label: "Lift at top 10%", hint: "× the base rate" },
] as const;

export interface ReportView {
  /** every finite numeric top-level metric, known ones first in HEADLINE_METRICS order */
  numbers: { key: string; label: string; value: number }[];
  threshold: number | null;
  positives: number | null;
  rows: number | null;
  confusion: ConfusionView | null;
  roc: RocCurve | null;
  pr: PrCurve | null;
  calibration: CalibrationView | null;
  gains: GainsCurve | null;
}

const IGNORED_NUMBERS = new Set(["threshold", "positives", "rows"]);

function part<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

function finite(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Reads a stored metrics object; unknown or malformed parts become null. */
export function readReport(metrics: Record<string, unknown> | null | undefined): ReportView {
  const m = metrics ?? {};
  const known = new Map<string, string>(HEADLINE_METRICS.map((h) => [h.key, h.label]));
  const numbers: ReportView["numbers"] = [];
  for (const h of HEADLINE_METRICS) {
    const v = finite(m[h.key]);
    if (v !== null) numbers.push({ key: h.key, label: h.label, value: v });
  }
  for (const [key, value] of Object.entries(m)) {
    const v = finite(value);
    if (v !== null && !known.has(key) && !IGNORED_NUMBERS.has(key)) numbers.push({ key, label: key, value: v });
  }
  const roc = part(rocSchema, m.roc);
  const pr = part(prSchema, m.pr);
  return {
    numbers,
    threshold: finite(m.threshold),
    positives: finite(m.positives),
    rows: finite(m.rows),
    confusion: part(confusionSchema, m.confusion),
    roc: roc && roc.fpr.length === roc.tpr.length && roc.tpr.length === roc.thresholds.length && roc.fpr.length > 0 ? roc : null,
    pr: pr && pr.precision.length === pr.recall.length && pr.recall.length > 0 ? pr : null,
    calibration: part(calibrationSchema, m.calibration),
    gains: (() => {
      const g = part(gainsSchema, m.gains);
      return g && g.fraction.length === g.gain.length && g.fraction.length > 0 ? g : null;
    })(),
  };
}

/** A metric's display label ("pr_auc" → "PR-AUC"). */
export function metricLabel(key: string): string {
  return HEADLINE_METRICS.find((h) => h.key === key)?.label ?? key;
}
