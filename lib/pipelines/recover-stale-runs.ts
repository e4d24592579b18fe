import os from "node:os";
import { getDb } from "../db/client.ts";
import { isProcessAlive } from "../db/embedded-lock.ts";
import type { RunStatus } from "../db/generated/prisma/enums.ts";
import { ACTIVE, finishRun } from "./run-store.ts";

// A worker on another host is judged by its heartbeat (written every second while it runs).
const STALE_HEARTBEAT_MS = 2 * 60_000;
// A queued run whose worker never reported its pid (spawn failed) is given this long.
const QUEUED_GRACE_MS = 60_000;

/**
 * An Inngest run is worked on by whichever worker Inngest calls; between steps nobody beats. One without a heartbeat
 * for this long (a worker died mid-step, or Inngest stopped calling) is failed. Queued Inngest runs may wait behind a
 * long run with the same key, so they get much longer.
 */
export const INNGEST_STALE_MS = 15 * 60_000;
export const INNGEST_QUEUED_MS = 24 * 60 * 60_000;

/** Why the sweeper ended a run, written for the user. */
function sweptMessage(run: { workerPid: number | null; workerHost: string | null; executor: string }): string {
  const who = run.executor === "inngest" ? "The Inngest worker running this run" : `The process running this run (pid ${run.workerPid ?? "unknown"} on ${run.workerHost ?? "unknown host"})`;
  return (
    `${who} stopped before the run finished: it was killed or crashed, or stopped reporting. Each step writes in one ` +
    `transaction, so nothing half-written was kept. To fix: start the pipeline again.`
  );
}

/**
 * The sweeper: marks runs whose worker is gone as failed ("crashed"), so a run killed mid-way never stays "running"
 * (or "cancelling") forever and never holds its concurrency key. Local runs are judged by their worker's pid on
 * this host or their heartbeat; Inngest runs by their heartbeat deadline. Called when the app, the CLI or a worker
 * starts, and periodically by the app and `churnops worker`; `only` limits it to some runs (a waiting run checks the
 * one holding its key).
 */
export async function recoverStaleRuns(now = new Date(), only?: { ids: readonly string[] }): Promise<string[]> {
  const { prisma } = await getDb();
  const scope = { status: { in: UNFINISHED }, ...(only ? { id: { in: [...only.ids] } } : {}) };
  const recovered = await recoverLocalRuns(now, scope);
  const inngestRuns = await prisma.pipelineRun.findMany({
    where: { executor: "inngest", ...scope },
    select: { id: true, status: true, workerPid: true, workerHost: true, heartbeatAt: true, createdAt: true, startedAt: true, executor: true },
  });
  for (const run of inngestRuns) {
    const age = now.getTime() - (run.heartbeatAt ?? run.startedAt ?? run.createdAt).getTime();
    if (age <= (run.status === "queued" ? INNGEST_QUEUED_MS : INNGEST_STALE_MS)) continue;
    await endStaleRun(run);
    recovered.push(run.id);
  }
  return recovered;
}

async function endStaleRun(run: { id: string; status: string; workerPid: number | null; workerHost: string | null; executor: string }): Promise<void> {
  // A run that was being cancelled has stopped now: that is the cancel the user asked for.
  if (run.status === "cancelling") await finishRun(run.id, { status: "cancelled", failureKind: "cancelled", message: "cancelled by a user (its worker stopped)" });
  else await finishRun(run.id, { status: "failed", failureKind: "crashed", message: sweptMessage(run) });
}

/** Runs a worker may still be working on (or waiting to): what the sweeper looks at. */
const UNFINISHED: RunStatus[] = ["queued", ...ACTIVE];

async function recoverLocalRuns(now: Date, scope: { status: { in: RunStatus[] }; id?: { in: string[] } }): Promise<string[]> {
  const { prisma } = await getDb();
  const candidates = await prisma.pipelineRun.findMany({
    where: { executor: "local", ...scope },
    select: { id: true, status: true, workerPid: true, workerHost: true, heartbeatAt: true, createdAt: true, executor: true },
  });
  const host = os.hostname();
  const recovered: string[] = [];
  for (const run of candidates) {
    const sameHost = run.workerHost === host;
    const dead =
      run.workerPid == null
        ? now.getTime() - run.createdAt.getTime() > QUEUED_GRACE_MS
        : sameHost
          ? !isProcessAlive(run.workerPid)
          : now.getTime() - (run.heartbeatAt ?? run.createdAt).getTime() > STALE_HEARTBEAT_MS;
    if (!dead) continue;
    await endStaleRun(run);
    recovered.push(run.id);
  }
  return recovered;
}
