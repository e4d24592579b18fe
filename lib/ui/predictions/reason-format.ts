import type { ReasonView } from "../../predictions/run-predictions.ts";

// "Why" chips of the predictions table: a reason is a feature whose value pushed this customer's log-odds up or
// down. Pure, for server and client alike.

export interface ReasonChip {
  feature: string;
  /** ↑ raises the churn risk, ↓ lowers it (a zero contribution reads as neither: "·") */
  arrow: "↑" | "↓" | "·";
  /** for screen readers and the tooltip */
  effect: "raises risk" | "lowers risk" | "no effect";
  /** "value 12 · +0.83 log-odds" */
  detail: string;
}

/** A feature value as short text: numbers to at most 4 significant digits, missing as "missing". */
export function formatReasonValue(value: number | string | null): string {
  if (value === null) return "missing";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

export function reasonChip(r: ReasonView): ReasonChip {
  const arrow = r.contribution > 0 ? "↑" : r.contribution < 0 ? "↓" : "·";
  const effect = r.contribution > 0 ? "raises risk" : r.contribution < 0 ? "lowers risk" : "no effect";
  const sign = r.contribution > 0 ? "+" : r.contribution < 0 ? "−" : "±";
  return { feature: r.feature, arrow, effect, detail: `value ${formatReasonValue(r.value)} · ${sign}${Math.abs(r.contribution).toFixed(2)} log-odds` };
}
