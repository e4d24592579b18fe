"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunView } from "../overview/run-view.ts";
import { CancelRunButton } from "./cancel-run-button.tsx";
import { ChartCard } from "./components/chart-card.tsx";
import { isTerminalStatus } from "./run-status.ts";
import { RunFacts } from "./run-facts.tsx";
import { RunOutcome } from "./run-outcome.tsx";
import { RunProgress } from "./run-progress.tsx";
import { StepDurationChart } from "./step-duration-chart.tsx";
import { StepsTable } from "./steps-table.tsx";

const POLL_MS = 1000;

/**
 * The changing part of a run page: polls GET /api/runs/<id> every second until the run is finished. `pageCacheMs` is
 * the web process's page micro-cache window (CHURNOPS_PAGE_CACHE_MS, lib/web/page-cache.ts).
 */
export function LiveRun({ initial, serverNow, pageCacheMs = 1000 }: { initial: RunView; serverNow: number; pageCacheMs?: number }) {
  const [run, setRun] = useState(initial);
  const [stale, setStale] = useState(false);
  const done = isTerminalStatus(run.status);
  const router = useRouter();
  // The server-rendered parts of the page (lineage: what the run read and wrote) change when a step finishes:
  // re-render them then, without a reload (this component keeps its state). The page cache may answer a refresh
  // with a render from before the step finished: fresh for pageCacheMs, then once more as a stale answer while it
  // renders anew. After the last step nothing else would refresh, so a few more follow, one cache window apart.
  const finishedSteps = run.steps.filter((s) => s.finishedAt !== null).length;
  const rendered = useRef({ finishedSteps, done });
  useEffect(() => {
    if (rendered.current.finishedSteps === finishedSteps && rendered.current.done === done) return;
    rendered.current = { finishedSteps, done };
    router.refresh();
    if (pageCacheMs <= 0) return;
    const timers = [1, 2, 3].map((k) => setTimeout(() => router.refresh(), k * (pageCacheMs + 250)));
    return () => timers.forEach(clearTimeout);
  }, [finishedSteps, done, router, pageCacheMs]);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(`/api/runs/${initial.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      setRun((await res.json()) as RunView);
      setStale(false);
    } catch {
      setStale(true); // keep the last view and try again on the next tick
    }
  }, [initial.id]);

  useEffect(() => {
    if (done) return;
    let timer: ReturnType<typeof setTimeout>;
    let active = true;
    const tick = async () => {
      await refresh();
      if (active) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [done, refresh]);

  const durations = run.steps.map((s) => ({ title: s.title, seconds: s.durationMs === null ? 0 : Math.round(s.durationMs / 100) / 10 }));
  return (
    <div className="flex flex-col gap-4">
      <RunFacts run={run} serverNow={serverNow} />
      <RunProgress progress={run.progress} message={run.progressMessage} status={run.status} />
      {!done && <CancelRunButton runId={run.id} onDone={refresh} />}
      {run.cancelRequestedAt && !done && (
        <p className="m-0 text-sm text-muted-foreground" role="status">
          Cancelling: waiting for the running step to stop (the next run with the same key starts only after that).
        </p>
      )}
      {stale && <p className="m-0 text-sm text-muted-foreground">Lost contact with the server; retrying…</p>}
      <RunOutcome run={run} />
      <section aria-labelledby="steps-heading" className="flex flex-col gap-2">
        <h2 id="steps-heading" className="m-0 text-lg font-semibold">
          Steps
        </h2>
        <StepsTable steps={run.steps} runId={run.id} />
      </section>
      {run.steps.some((s) => s.durationMs !== null) && (
        <ChartCard
          title="Step durations"
          label="Bar chart of how long each step took, in seconds"
          data={{ columns: ["Step", "Seconds"], rows: durations.map((d) => [d.title, d.seconds]) }}
          heightClass={run.steps.length > 4 ? "h-72" : "h-56"}
        >
          <StepDurationChart data={durations} />
        </ChartCard>
      )}
    </div>
  );
}
