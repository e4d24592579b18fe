"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Often enough that a finished run shows within seconds; each refresh re-renders the page's server components. */
const REFRESH_MS = 2000;

/**
 * Keeps a server-rendered list current while something changes: while `active` (a run is queued, running or
 * cancelling, as the server saw it), it calls router.refresh() every two seconds. The refreshed page passes the new
 * `active`, so polling stops by itself once nothing is left to change. No reload: scroll, focus and form state stay.
 * Pauses while the tab is hidden.
 */
export function LiveRefresh({ active, intervalMs = REFRESH_MS }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? (
    <p className="sr-only" role="status">
      Updating live while runs are in progress.
    </p>
  ) : null;
}
