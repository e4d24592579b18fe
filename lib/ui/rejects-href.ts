// Links to /data/rejects with filters. Pure (no database import), so client components can build them too.

export const REJECT_FILTER_KEYS = ["source", "suite", "reasonCode", "runId", "from", "to"] as const;

/** Query string of the filters (without page/pageSize), plus `extra`, for links that keep them. */
export function rejectFilterQuery(filter: Partial<Record<(typeof REJECT_FILTER_KEYS)[number], string | undefined>>, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  for (const key of REJECT_FILTER_KEYS) {
    const v = filter[key];
    if (v) q.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

/** Link to the rejects of one reason code in one suite. */
export function rejectsHref(filter: Partial<Record<(typeof REJECT_FILTER_KEYS)[number], string>>): string {
  const q = rejectFilterQuery(filter);
  return `/data/rejects${q ? `?${q}` : ""}`;
}
