import "server-only";
import os from "node:os";
import { z } from "zod";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { pipelineRequestedEvent, runCancelRequested } from "../events/event-catalog.ts";
import { sendToInngest } from "../events/inngest-client.ts";
import { getDb } from "../db/client.ts";
import { isInngestConfigured } from "../env.ts";
import { AppError } from "../errors.ts";
import type { RunTrigger } from "../db/generated/prisma/enums.ts";
import { concurrencyKeyOf, type Json } from "./pipeline-definition.ts";
import { getPipeline } from "./catalog.ts";
import { createRun, finishRun, getRunRef, requestCancel } from "./run-store.ts";
import { spawnLocalWorker } from "./spawn-local-worker.ts";

export interface StartedRun {
  runId: string;
  executor: "inngest" | "local";
}

/** Parses params against the pipeline's schema; a bad field becomes a 400 naming the field. */
export function parseParams(pipelineId: string, raw: unknown): Json {
  const def = getPipeline(pipelineId);
  const parsed = def.params.safeParse(raw ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`);
    throw new AppError("INVALID_INPUT", `Invalid parameters for ${pipelineId}: ${fields.join("; ")}`, 400);
  }
  return parsed.data as Json;
}

/**
 * Creates a run and hands it to an executor: the Inngest event when Inngest is configured, else a local worker
 * process ("background") or nobody ("inline": the caller, e.g. the CLI, runs it with runLocally()).
 */
export async function startRun(pipelineId: string, rawParams: unknown, trigger: RunTrigger, mode: "background" | "inline" = "background"): Promise<StartedRun> {
  const def = getPipeline(pipelineId);
  const params = parseParams(pipelineId, rawParams);
  const executor = isInngestConfigured() ? "inngest" : "local";
  const concurrencyKey = concurrencyKeyOf(def, params);
  const runId = await createRun({ pipelineId, params, trigger, executor, concurrencyKey, steps: def.steps });
  if (executor === "inngest") {
    try {
      await sendToInngest([{ id: runId, ...pipelineRequest(pipelineId, { runId, params, concurrencyKey }) }]);
    } catch (e) {
      const message = `Could not send the run to Inngest (${(e as Error).message}). To fix: check INNGEST_BASE_URL/INNGEST_EVENT_KEY, or unset them to use the local executor.`;
      await finishRun(runId, { status: "failed", failureKind: "error", message });
      throw new AppError("UPSTREAM", message, 502, { cause: e });
    }
  } else if (mode === "background") {
    spawnLocalWorker(runId, (await getDb()).url);
  }
  return { runId, executor };
}

/** The `churnops/<pipeline>.requested` event for a run row that already exists. */
export function pipelineRequest(pipelineId: string, data: { runId: string; params: Json; concurrencyKey: string }) {
  const event = pipelineRequestedEvent(pipelineId);
  return { name: event.name, data: event.schema.parse(data) as Record<string, unknown> };
}

/** Creates the run row for an Inngest-executed run (cron, trigger functions), to be announced by the caller. */
export async function createInngestRun(pipelineId: string, rawParams: unknown, trigger: RunTrigger) {
  const def = getPipeline(pipelineId);
  const params = parseParams(pipelineId, rawParams);
  const concurrencyKey = concurrencyKeyOf(def, params);
  const runId = await createRun({ pipelineId, params, trigger, executor: "inngest", concurrencyKey, steps: def.steps });
  return { runId, params, concurrencyKey };
}

/** SIGTERM to a local worker on this host: it aborts at the next batch instead of the next heartbeat. */
async function signalLocalWorker(runId: string): Promise<void> {
  const { prisma } = await getDb();
  const run = await prisma.pipelineRun.findUnique({ where: { id: runId }, select: { workerPid: true, workerHost: true } });
  if (run?.workerPid && run.workerHost === os.hostname() && run.workerPid !== process.pid && isProcessAlive(run.workerPid)) {
    try {
      process.kill(run.workerPid, "SIGTERM");
    } catch {
      // already gone: recoverStaleRuns will mark it
    }
  }
}

export const runIdSchema = z.string().uuid("run ids are UUIDs");

/**
 * Cancels a queued run at once. A running run becomes "cancelling": its step sees the cancel through its heartbeat
 * (at once for a local worker on this host, via SIGTERM) and stops at its next check; the executor then records
 * "cancelled" and only then is the concurrency key free again. The same holds under Inngest, whose worker runs the
 * same heartbeat.
 */
export async function cancelRun(runId: string): Promise<{ status: string }> {
  const run = await getRunRef(runIdSchema.parse(runId));
  if (!run) throw new AppError("RUN_NOT_FOUND", `Run ${runId} does not exist.`, 404);
  if (run.status !== "queued" && run.status !== "running" && run.status !== "cancelling") {
    throw new AppError("RUN_NOT_CANCELLABLE", `Run ${runId} is already ${run.status}; only queued or running runs can be cancelled.`, 409);
  }
  const status = await requestCancel(runId);
  if (status === "queued") {
    await finishRun(runId, { status: "cancelled", failureKind: "cancelled", message: "cancelled before it started" });
  } else if (run.executor === "local") {
    await signalLocalWorker(runId);
  }
  if (run.executor === "inngest") {
    // For observers; the run itself stops through the database, whichever worker executes it.
    await sendToInngest([{ name: runCancelRequested.name, data: { runId } }]).catch(() => {});
  }
  return { status: (await getRunRef(runId))?.status ?? "unknown" };
}
