import type { SourceFreshness } from "../overview/data-freshness.ts";

export interface Verdict {
  tone: "success" | "warning" | "destructive" | "info";
  title: string;
  detail: string;
  next: { label: string; href: string } | null;
}

interface VerdictInput {
  sources: readonly Pick<SourceFreshness, "title" | "status" | "latestRunId">[];
  failedRuns: number;
  /** A run is queued or running. */
  active: boolean;
  /** The model step of the checklist is done. */
  trained: boolean;
}

/**
 * The one sentence at the top of the Overview: is the data fresh and healthy, and what to do next. Order matters:
 * no data at all first, then a failed load (newest problem), then stale data, then recent failures elsewhere.
 */
export function overviewVerdict({ sources, failedRuns, active, trained }: VerdictInput): Verdict {
  const loaded = sources.filter((s) => s.status !== "empty");
  if (loaded.length === 0) {
    return active
      ? { tone: "info", title: "Loading your first data", detail: "A load is running; this page updates by itself.", next: { label: "Watch the runs", href: "/runs" } }
      : { tone: "info", title: "No data yet", detail: "Load the e-learning sample (or upload your own CSV) to get started.", next: { label: "Load sample data", href: "/pipelines#elearning-sample" } };
  }
  const failed = sources.filter((s) => s.status === "failed");
  if (failed.length > 0) {
    const first = failed[0];
    return { tone: "destructive", title: `The last load of ${failed.map((s) => s.title).join(", ")} failed`, detail: "The data from the load before it is still in place.", next: first.latestRunId ? { label: "See what failed", href: `/runs/${first.latestRunId}` } : null };
  }
  const stale = sources.filter((s) => s.status === "stale");
  if (stale.length > 0) {
    return { tone: "warning", title: `${stale.map((s) => s.title).join(", ")}: data is more than a week old`, detail: "Load fresh data, or check the schedule.", next: { label: "Open Pipelines", href: "/pipelines" } };
  }
  if (failedRuns > 0) {
    return { tone: "warning", title: "Data is fresh, but some runs failed this week", detail: `${failedRuns} failed run${failedRuns === 1 ? "" : "s"} in the last 7 days.`, next: { label: "See failed runs", href: "/runs?status=failed" } };
  }
  return {
    tone: "success",
    title: active ? "Data is healthy; a load is in progress" : "Data is fresh and healthy",
    detail: "Every source passed its checks on its last load.",
    next: trained ? null : { label: "Next: train a model", href: "/pipelines" },
  };
}
