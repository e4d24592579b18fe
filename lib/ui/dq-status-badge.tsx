import { Badge, type BadgeVariant } from "./components/badge.tsx";

/** Validation statuses: passed green, warned amber, failed red. */
const VARIANT: Record<string, BadgeVariant> = { passed: "success", warned: "warning", failed: "destructive" };

/** A validation status (passed / warned / failed) as a coloured badge whose text is the status itself. */
export function DqStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <Badge variant={VARIANT[status] ?? "neutral"} data-testid={testId}>
      {status}
    </Badge>
  );
}
