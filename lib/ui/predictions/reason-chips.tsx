import type { ReasonView } from "../../predictions/run-predictions.ts";
import { reasonChip } from "./reason-format.ts";

/**
 * A customer's three largest contributions as short chips: the feature name and ↑ (raises the churn risk) or ↓
 * (lowers it); the value and size in the tooltip and, for screen readers, in the text. Feature names and values are
 * data: rendered as text, never as markup.
 */
export function ReasonChips({ reasons }: { reasons: readonly ReasonView[] | null }) {
  if (!reasons || reasons.length === 0) {
    return <span className="text-xs text-muted-foreground">Not explained (outside the top K)</span>;
  }
  return (
    <ul aria-label="Reasons" className="m-0 flex min-w-48 list-none flex-wrap gap-1 p-0">
      {reasons.map((r) => {
        const chip = reasonChip(r);
        return (
          <li
            key={r.feature}
            title={`${chip.feature}: ${chip.detail}`}
            data-effect={chip.effect}
            className="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-muted px-2 py-0.5 text-xs"
          >
            <span className="break-all font-mono">{chip.feature}</span>
            <span aria-hidden className={chip.arrow === "↑" ? "font-semibold text-destructive" : chip.arrow === "↓" ? "font-semibold text-success" : undefined}>
              {chip.arrow}
            </span>
            <span className="sr-only">
              {chip.effect} ({chip.detail})
            </span>
          </li>
        );
      })}
    </ul>
  );
}
