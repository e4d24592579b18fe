import { Badge, type BadgeVariant } from "./components/badge.tsx";

const VARIANT: Record<string, BadgeVariant> = {
  succeeded: "success",
  passed: "success",
  fresh: "success",
  failed: "destructive",
  running: "info",
  loading: "info",
  queued: "neutral",
  pending: "neutral",
  cancelling: "warning",
  warned: "warning",
  stale: "warning",
  // A cancel is the user's choice: neutral, not an error.
  cancelled: "neutral",
  skipped: "neutral",
  empty: "outline",
};

/** A run, step or freshness status as a badge; the text is the status itself so tests and screen readers read it. */
export function StatusBadge({ status, testId, label }: { status: string; testId?: string; label?: string }) {
  return (
    <Badge variant={VARIANT[status] ?? "neutral"} data-testid={testId} data-status={status}>
      {label ?? status}
    </Badge>
  );
}
