/** Badge colours of the run statuses, reused for validation statuses: passed green, warned amber, failed red. */
const BADGE_CLASS: Record<string, string> = { passed: "succeeded", warned: "cancelled", failed: "failed" };

/** A validation status (passed / warned / failed) as a coloured badge whose text is the status itself. */
export function DqStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge badge-${BADGE_CLASS[status] ?? "skipped"}`} data-testid={testId}>
      {status}
    </span>
  );
}
