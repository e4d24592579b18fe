// How fresh one source is, from what its runs say. Pure, so the rule is unit-tested without a database.

/** Older than this, loaded data counts as stale: the sample pipelines run daily, so a week means the feed stopped. */
export const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

export type FreshnessStatus = "fresh" | "stale" | "loading" | "failed" | "empty";

export interface FreshnessInput {
  /** When the newest successful load finished (ISO), if any. */
  loadedAt: string | null;
  /** The newest run of the source's loaders, whatever its status. */
  latestStatus: string | null;
  now: Date;
}

const ACTIVE = ["queued", "running", "cancelling"];

/**
 * A load in progress wins (the answer changes in seconds); then a failed newest load (the data is older than the user
 * thinks, and what they tried did not arrive); then age. A cancelled newest run changes nothing: cancelling is a choice.
 */
export function freshnessStatus({ loadedAt, latestStatus, now }: FreshnessInput): FreshnessStatus {
  if (latestStatus && ACTIVE.includes(latestStatus)) return "loading";
  if (latestStatus === "failed") return "failed";
  if (!loadedAt) return "empty";
  return now.getTime() - Date.parse(loadedAt) > STALE_AFTER_MS ? "stale" : "fresh";
}
