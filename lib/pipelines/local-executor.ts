import { setTimeout as sleep } from "node:timers/promises";
import { getPipeline } from "./catalog.ts";
import { dispatchPendingEvents } from "./dispatch-events.ts";
import { executePipeline, type StepExecutor } from "./execute-pipeline.ts";
import { failureKindOf } from "./pipeline-errors.ts";
import { claimRun, finishRun, getRunRef, holderOfKey, setWaitingMessage, setWorkerPid } from "./run-store.ts";
import { errorMessage } from "../errors.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";

export interface LocalRunOutcome {
  runId: string;
  status: "succeeded" | "failed" | "cancelled";
  failureKind?: string;
  error?: string;
}

const CLAIM_POLL_MS = 1000;

/** Steps run directly in this process; their events go to the local dispatcher (pipelines start in workers). */
const localExecutor: StepExecutor = {
  runStep: (_id, fn) => fn(),
  async deliver(_stepId, events) {
    // A failed delivery stays in the outbox; the app's dispatcher retries it. The run itself has succeeded.
    await dispatchPendingEvents({ ids: events.map((e) => e.id) }).catch(() => {});
  },
};

/**
 * Runs one queued run to the end in this process (a worker child or the CLI): waits while another run with the
 * same concurrency key is active, stops when cancelled, and records the final status. No retries: those are
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
    const holder = await holderOfKey(runId);
    await setWaitingMessage(runId, `waiting behind run ${holder ?? "(finishing)"}: it holds the same concurrency key`);
    // The run holding the key may belong to a process that died (kill -9, OOM, a test worker torn down): it will
    // never finish, so without this every later run of the key would wait forever. Only the holder is checked.
    if (holder) await recoverStaleRuns(new Date(), { ids: [holder] });
    await sleep(CLAIM_POLL_MS);
  }

  try {
    const params = def.params.parse(run.params);
    const outputs = await executePipeline(def, runId, params, localExecutor, options.signal);
    await finishRun(runId, { status: "succeeded", summary: outputs });
    return { runId, status: "succeeded" };
  } catch (e) {
    const failureKind = failureKindOf(e);
    const error = errorMessage(e);
    const status = failureKind === "cancelled" ? "cancelled" : "failed";
    await finishRun(runId, { status, failureKind, message: error, stack: e instanceof Error ? e.stack : undefined });
    return { runId, status, failureKind, error };
  }
}
