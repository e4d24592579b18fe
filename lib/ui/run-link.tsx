import Link from "next/link";
import { shortId } from "./format.ts";

/** A run id as a short code linking to its run page (named "Run <id>" for screen readers), or a dash. */
export function RunLink({ runId }: { runId: string | null | undefined }) {
  return runId ? (
    <Link href={`/runs/${runId}`} aria-label={`Run ${shortId(runId)}`}>
      <code>{shortId(runId)}</code>
    </Link>
  ) : (
    <span className="text-muted-foreground">—</span>
  );
}
