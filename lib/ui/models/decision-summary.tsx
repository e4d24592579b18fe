import { Badge } from "../components/badge.tsx";
import { formatDelta, formatMetric } from "./metric-format.ts";

/** The promotion rule's stored decision (lib/registry StoredDecision), as the versions table shows it. */
export interface DecisionView {
  promote: boolean;
  metric: string;
  candidate: number | null;
  champion: number | null;
  championVersion: number | null;
  delta: number | null;
  minDelta: number;
  reason: string;
  actor: string;
}

/** Why a version was or was not promoted: the verdict, both numbers, the delta against the minimum, the rule's words. */
export function DecisionSummary({ decision }: { decision: DecisionView | null }) {
  if (!decision) return <span className="text-sm text-muted-foreground">no automatic decision (registered without the rule)</span>;
  const d = decision;
  return (
    <div className="flex flex-col gap-1 text-sm whitespace-normal">
      <span className="flex flex-wrap items-center gap-2">
        <Badge variant={d.promote ? "success" : "warning"}>{d.promote ? "promoted" : "not promoted"}</Badge>
        <span className="tabular-nums">
          {d.metric} {formatMetric(d.candidate)}
          {d.champion !== null && (
            <>
              {" "}vs v{d.championVersion ?? "?"} {formatMetric(d.champion)} · Δ {formatDelta(d.delta)} (min {formatMetric(d.minDelta, 3)})
            </>
          )}
        </span>
      </span>
      <span className="text-xs text-muted-foreground">{d.reason}</span>
    </div>
  );
}
