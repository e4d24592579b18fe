"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { RunActivity } from "../overview/run-wait.ts";

/** Often enough that a finished run shows within seconds; each refresh re-renders the page's server components. */
const ACTIVE_MS = 2000;
/** While idle, only a one-row check (GET /api/runs/activity), so a run started elsewhere still shows up. */
const IDLE_MS = 5000;

/**
 * Keeps a server-rendered list current: while a run is queued or running (`activity.active`, as the server saw it)
 * it calls router.refresh() every two seconds; once nothing is, page refreshes stop and it only asks the tiny
 * activity endpoint every five seconds, refreshing once when its signature differs from the one the page was
 * rendered with (a run was started or finished elsewhere). No reload: scroll, focus and form state stay. Nothing
 * runs while the tab is hidden.
 */
export function LiveRefresh({ activity }: { activity: RunActivity }) {
  const router = useRouter();
  const { active, signature } = activity;
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState !== "visible") return;
      if (active) {
        router.refresh();
        return;
      }
      try {
        const res = await fetch("/api/runs/activity", { cache: "no-store" });
        const now = (await res.json()) as RunActivity;
        if (!stopped && (now.active || now.signature !== signature)) router.refresh();
      } catch {
        // server unreachable: try again on the next tick
      }
    };
    const timer = setInterval(tick, active ? ACTIVE_MS : IDLE_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, signature, router]);
  return active ? (
    <p className="sr-only" role="status">
      Updating live while runs are in progress.
    </p>
  ) : null;
}
