import { Badge } from "../components/badge.tsx";
import { driftStatusVariant } from "./drift-format.ts";

/** A drift verdict or PSI status (pass / warn / fail) as a badge whose text is the status itself. */
export function DriftStatusBadge({ status, label, testId }: { status: string | null; label?: string; testId?: string }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={driftStatusVariant(status)} data-status={status} data-testid={testId}>
      {label ?? status}
    </Badge>
  );
}
