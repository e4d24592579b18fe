import { setTimeout as sleep } from "node:timers/promises";
import { executePipeline } from "./execute-pipeline.ts";
import { failureKindOf } from "./pipeline-errors.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { getPipeline } from "./registry.ts";
import { claimRun, finishRun, getRunRef, heartbeat, setWaitingMessage, setWorkerPid } from "./run-store.ts";

export interface LocalRunOutcome {
  runId: string;
  status: "succeeded" | "failed" | "cancelled";
  failureKind?: string;
  error?: string;
}

const CLAIM_POLL_MS = 1000;
const HEARTBEAT_MS = 1000;

/**
 * Runs one queued run to the end in this process (a worker child or the CLI): waits while another run with the
 * same concurrency key is running, watches for cancels, and records the final status. No retries: those are
 * Inngest's (ARCHITECTURE §3).
 */
export async function runLocally(runId: string, options: { signal?: AbortSignal } = {}): Promise<LocalRunOutcome> {
  const run = await getRunRef(runId);
  if (!run) throw new Error(`run ${runId} does not exist`);
  const def = getPipeline(run.pipelineId);
  await setWorkerPid(runId, process.pid);

  for (;;) {
    const claim = await claimRun(runId, process.pid);
    if (claim === "claimed") break;
    if (claim === "not-queued") {
      const now = await getRunRef(runId);
      return { runId, status: now?.status === "cancelled" ? "cancelled" : "failed", error: `run is ${now?.status}` };
    }
    await setWaitingMessage(runId, "waiting: another run with the same concurrency key is running");
    // The run holding the key may belong to a process that died (kill -9, OOM, a test worker torn down): it will
    // never finish, so without this every later run of the key would wait forever.
    await recoverStaleRuns();
    await sleep(CLAIM_POLL_MS);
  }

  const controller = new AbortController();
  // A cancel arrives through the database (heartbeat) or, faster, as SIGTERM from cancelRun on this host.
  options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  if (options.signal?.aborted) controller.abort();
  let beating = false;
  const watcher = setInterval(() => {
    if (beating) return;
    beating = true;
    heartbeat(runId)
      .then(({ cancelRequested }) => cancelRequested && controller.abort())
      .catch(() => {})
      .finally(() => (beating = false));
  }, HEARTBEAT_MS);
  watcher.unref();

  try {
    const params = def.params.parse(run.params);
    const outputs = await executePipeline(def, runId, params, (_id, fn) => fn(), controller.signal);
    await finishRun(runId, { status: "succeeded", summary: outputs });
    return { runId, status: "succeeded" };
  } catch (e) {
    const failureKind = failureKindOf(e);
    const error = e instanceof Error ? e.message : String(e);
    const status = failureKind === "cancelled" ? "cancelled" : "failed";
    await finishRun(runId, { status, failureKind, message: error, stack: e instanceof Error ? e.stack : undefined });
    return { runId, status, failureKind, error };
  } finally {
    clearInterval(watcher);
  }
}
