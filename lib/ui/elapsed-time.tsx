"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "./format.ts";

/**
 * Time since `since`, ticking every second while `running`; once finished, the fixed duration. The first render
 * uses the server's `now` so the hydrated text matches the HTML.
 */
export function ElapsedTime({ since, until, running, serverNow }: { since: string | null; until: string | null; running: boolean; serverNow: number }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!since) return <>—</>;
  const end = until ? Date.parse(until) : now;
  return <span data-testid="run-elapsed">{formatDuration(Math.max(0, end - Date.parse(since)))}</span>;
}
