import "server-only";
import os from "node:os";
import { z } from "zod";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { pipelineRequestedEvent, RUN_CANCEL_REQUESTED } from "../../inngest/events.ts";
import { getDb } from "../db/client.ts";
import { isInngestConfigured } from "../env.ts";
import { AppError } from "../errors.ts";
import type { RunTrigger } from "../db/generated/prisma/enums.ts";
import { concurrencyKeyOf, type Json } from "./pipeline-definition.ts";
import { getPipeline } from "./registry.ts";
import { createRun, finishRun, getRunRef } from "./run-store.ts";
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
    const { inngest } = await import("../../inngest/client.ts");
    try {
      await inngest.send({ id: runId, name: pipelineRequestedEvent(pipelineId), data: { runId, params, concurrencyKey } });
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

/** Cancels a queued run at once; asks a running one to stop (its worker aborts, Inngest cancels via cancelOn). */
export async function cancelRun(runId: string): Promise<{ status: string }> {
  const run = await getRunRef(runIdSchema.parse(runId));
  if (!run) throw new AppError("RUN_NOT_FOUND", `Run ${runId} does not exist.`, 404);
  if (run.status !== "queued" && run.status !== "running") {
    throw new AppError("RUN_NOT_CANCELLABLE", `Run ${runId} is already ${run.status}; only queued or running runs can be cancelled.`, 409);
  }
  const { prisma } = await getDb();
  await prisma.pipelineRun.update({ where: { id: runId }, data: { cancelRequestedAt: new Date() } });
  if (run.status === "queued") {
    await finishRun(runId, { status: "cancelled", failureKind: "cancelled", message: "cancelled before it started" });
  } else if (run.executor === "local") {
    await signalLocalWorker(runId);
  }
  if (run.executor === "inngest") {
    const { inngest } = await import("../../inngest/client.ts");
    await inngest.send({ name: RUN_CANCEL_REQUESTED, data: { runId } }).catch(() => {});
    if (run.status === "running") await finishRun(runId, { status: "cancelled", failureKind: "cancelled", message: "cancelled by a user" });
  }
  return { status: (await getRunRef(runId))?.status ?? "unknown" };
}
