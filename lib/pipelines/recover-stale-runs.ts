import os from "node:os";
import { getDb } from "../db/client.ts";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { finishRun } from "./run-store.ts";

// A worker on another host is judged by its heartbeat (written every second while it runs).
const STALE_HEARTBEAT_MS = 2 * 60_000;
// A queued run whose worker never reported its pid (spawn failed) is given this long.
const QUEUED_GRACE_MS = 60_000;

/**
 * Marks local runs whose worker process is gone as failed ("crashed"), so a run killed mid-way never stays
 * "running" forever. Called when the app, the CLI or a worker starts.
 */
export async function recoverStaleRuns(now = new Date()): Promise<string[]> {
  const { prisma } = await getDb();
  const candidates = await prisma.pipelineRun.findMany({
    where: { executor: "local", status: { in: ["queued", "running"] } },
    select: { id: true, status: true, workerPid: true, workerHost: true, heartbeatAt: true, createdAt: true },
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
    await finishRun(run.id, {
      status: "failed",
      failureKind: "crashed",
      message:
        `The process running this run (pid ${run.workerPid ?? "unknown"} on ${run.workerHost ?? "unknown host"}) ` +
        `stopped before the run finished: it was killed or crashed. Each step writes in one transaction, so nothing ` +
        `half-written was kept. To fix: start the pipeline again.`,
    });
    recovered.push(run.id);
  }
  return recovered;
}
