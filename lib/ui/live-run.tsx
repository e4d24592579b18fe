"use client";

import { useCallback, useEffect, useState } from "react";
import type { RunDetail } from "../pipelines/run-queries.ts";
import { CancelRunButton } from "./cancel-run-button.tsx";
import { isTerminalStatus } from "./run-status.ts";
import { RunError } from "./run-error.tsx";
import { RunFacts } from "./run-facts.tsx";
import { RunProgress } from "./run-progress.tsx";
import { StepDurationChart } from "./step-duration-chart.tsx";
import { StepsTable } from "./steps-table.tsx";

const POLL_MS = 1000;

/** The changing part of a run page: polls GET /api/runs/<id> every second until the run is finished. */
export function LiveRun({ initial }: { initial: RunDetail }) {
  const [run, setRun] = useState(initial);
  const [stale, setStale] = useState(false);
  const done = isTerminalStatus(run.status);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(`/api/runs/${initial.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      setRun((await res.json()) as RunDetail);
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

  return (
    <div className="live-run">
      <RunFacts run={run} />
      <RunProgress progress={run.progress} message={run.progressMessage} />
      {!done && <CancelRunButton runId={run.id} onDone={refresh} />}
      {run.cancelRequestedAt && !done && <p className="muted" role="status">Cancelling: waiting for the running step to stop (the next run with the same key starts only after that).</p>}
      {stale && <p className="muted">Lost contact with the server; retrying…</p>}
      <RunError title={run.status === "cancelled" ? "Cancellation" : "Error"} message={run.errorMessage} stack={run.errorStack} />
      <StepsTable steps={run.steps} />
      {run.steps.some((s) => s.durationMs !== null) && <StepDurationChart steps={run.steps} />}
    </div>
  );
}
