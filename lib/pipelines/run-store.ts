import "server-only";
import os from "node:os";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/prisma/client.ts";
import { storableText } from "../errors.ts";
import type { RunExecutor, RunStatus, RunTrigger } from "../db/generated/prisma/enums.ts";
import type { FailureKind } from "./pipeline-errors.ts";
import type { Json } from "./pipeline-definition.ts";

// Run and step bookkeeping, written the same way by both executors so the dashboard shows runs alike.

/** A run in one of these states has a process working on it and holds its concurrency key. */
export const ACTIVE: RunStatus[] = ["running", "cancelling"];

export interface NewRun {
  pipelineId: string;
  params: Json;
  trigger: RunTrigger;
  executor: RunExecutor;
  concurrencyKey: string;
  steps: readonly { id: string; title: string }[];
}

export async function createRun(run: NewRun): Promise<string> {
  const { prisma } = await getDb();
  const created = await prisma.pipelineRun.create({
    data: {
      pipelineId: run.pipelineId,
      params: run.params as Prisma.InputJsonValue,
      trigger: run.trigger,
      executor: run.executor,
      concurrencyKey: run.concurrencyKey,
      steps: { create: run.steps.map((s, position) => ({ stepId: s.id, title: s.title, position })) },
    },
    select: { id: true },
  });
  return created.id;
}

export type ClaimResult = "claimed" | "busy" | "not-queued";

/**
 * queued -> running, unless a run with the same concurrency key is running (the partial unique index refuses it:
 * "busy") or the run is no longer queued (cancelled meanwhile). Inngest may retry its start step, so a run it
 * already claimed counts as claimed.
 */
export async function claimRun(runId: string, workerPid: number | null): Promise<ClaimResult> {
  const { pool } = await getDb();
  try {
    const { rowCount } = await pool.query(
      `UPDATE ops.pipeline_runs
          SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now(),
              worker_pid = $2, worker_host = $3, progress_message = NULL
        WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND executor = 'inngest'))`,
      [runId, workerPid, os.hostname()],
    );
    return rowCount === 1 ? "claimed" : "not-queued";
  } catch (e) {
    if ((e as { code?: string }).code === "23505") return "busy";
    throw e;
  }
}

export async function setWaitingMessage(runId: string, message: string): Promise<void> {
  const { prisma } = await getDb();
  await prisma.pipelineRun.updateMany({ where: { id: runId, status: "queued" }, data: { progressMessage: storableText(message) } });
}

export async function markStepStarted(runId: string, stepId: string): Promise<void> {
  const { prisma } = await getDb();
  await prisma.pipelineStep.update({
    where: { runId_stepId: { runId, stepId } },
    data: { status: "running", startedAt: new Date(), finishedAt: null, errorMessage: null, attempts: { increment: 1 } },
  });
}

export async function markStepFinished(
  runId: string,
  stepId: string,
  result: { status: "succeeded"; output: Json } | { status: "failed" | "cancelled"; error: string; output?: Json | null },
): Promise<void> {
  const { prisma } = await getDb();
  // A failed step keeps what it could report (a failed gate's suite results), next to its error.
  const output = result.output == null ? Prisma.DbNull : (result.output as Prisma.InputJsonValue);
  await prisma.pipelineStep.update({
    where: { runId_stepId: { runId, stepId } },
    data:
      result.status === "succeeded"
        ? { status: "succeeded", finishedAt: new Date(), output }
        : { status: result.status, finishedAt: new Date(), errorMessage: storableText(result.error), output },
  });
}

export async function updateProgress(runId: string, progress: number, message: string | null): Promise<void> {
  const { prisma } = await getDb();
  await prisma.pipelineRun.updateMany({
    where: { id: runId, status: { in: ACTIVE } },
    data: { progress, progressMessage: message === null ? null : storableText(message), heartbeatAt: new Date() },
  });
}

/** Marks the worker alive and tells it whether a cancel was requested. */
export async function heartbeat(runId: string): Promise<{ cancelRequested: boolean }> {
  const { prisma } = await getDb();
  const { rows } = await (await getDb()).pool.query<{ cancel: boolean }>(
    `UPDATE ops.pipeline_runs SET heartbeat_at = now() WHERE id = $1 AND status IN ('running', 'cancelling')
     RETURNING (cancel_requested_at IS NOT NULL) AS cancel`,
    [runId],
  );
  return { cancelRequested: rows.length === 0 ? await isCancelRequested(runId) : rows[0].cancel };
}

export async function isCancelRequested(runId: string): Promise<boolean> {
  const { prisma } = await getDb();
  const run = await prisma.pipelineRun.findUnique({ where: { id: runId }, select: { cancelRequestedAt: true, status: true } });
  return Boolean(run?.cancelRequestedAt) || run?.status === "cancelled" || run?.status === "cancelling";
}

/**
 * A cancel of a running run: it shows "cancelling" (and keeps its concurrency key) until its running step has
 * actually stopped and the executor records "cancelled". A queued run is cancelled at once.
 */
export async function requestCancel(runId: string): Promise<RunStatus | null> {
  const { rows } = await (await getDb()).pool.query<{ status: RunStatus }>(
    `UPDATE ops.pipeline_runs
        SET cancel_requested_at = coalesce(cancel_requested_at, now()),
            status = CASE WHEN status = 'running' THEN 'cancelling'::ops."RunStatus" ELSE status END,
            progress_message = CASE WHEN status = 'running' THEN 'cancelling: waiting for the running step to stop' ELSE progress_message END
      WHERE id = $1 AND status IN ('queued', 'running', 'cancelling')
      RETURNING status`,
    [runId],
  );
  return rows[0]?.status ?? null;
}

export async function finishRun(
  runId: string,
  outcome:
    | { status: "succeeded"; summary: Json }
    | { status: "failed" | "cancelled"; failureKind: FailureKind; message: string; stack?: string },
): Promise<void> {
  const { prisma } = await getDb();
  const base = { finishedAt: new Date(), workerPid: null };
  await prisma.$transaction([
    prisma.pipelineRun.updateMany({
      where: { id: runId, status: { in: ["queued", ...ACTIVE] } },
      data:
        outcome.status === "succeeded"
          ? { ...base, status: "succeeded", progress: 1, progressMessage: "done", summary: outcome.summary as Prisma.InputJsonValue }
          : {
              ...base,
              status: outcome.status,
              failureKind: outcome.failureKind,
              // Sanitised: a NUL byte in the text (binary input quoted in a message) would fail this very write.
              errorMessage: storableText(outcome.message),
              errorStack: outcome.stack === undefined ? null : storableText(outcome.stack),
            },
    }),
    // Steps that never ran stay visible as skipped (or cancelled), not as eternally pending.
    prisma.pipelineStep.updateMany({
      where: { runId, status: { in: ["pending", "running"] } },
      data: { status: outcome.status === "cancelled" ? "cancelled" : "skipped", finishedAt: new Date() },
    }),
  ]);
}

export interface RunRef {
  id: string;
  pipelineId: string;
  params: Json;
  status: RunStatus;
  executor: RunExecutor;
  trigger: RunTrigger;
}

export async function getRunRef(runId: string): Promise<RunRef | null> {
  const { prisma } = await getDb();
  const run = await prisma.pipelineRun.findUnique({
    where: { id: runId },
    select: { id: true, pipelineId: true, params: true, status: true, executor: true, trigger: true },
  });
  return run ? { ...run, params: run.params as Json } : null;
}

export async function setWorkerPid(runId: string, pid: number): Promise<void> {
  const { prisma } = await getDb();
  await prisma.pipelineRun.update({ where: { id: runId }, data: { workerPid: pid, workerHost: os.hostname() } });
}

/** The active run holding the same concurrency key as this one (what a waiting run is waiting behind). */
export async function holderOfKey(runId: string): Promise<string | null> {
  const { rows } = await (await getDb()).pool.query<{ id: string }>(
    `SELECT h.id FROM ops.pipeline_runs r JOIN ops.pipeline_runs h ON h.concurrency_key = r.concurrency_key AND h.id <> r.id
      WHERE r.id = $1 AND h.status IN ('running', 'cancelling') LIMIT 1`,
    [runId],
  );
  return rows[0]?.id ?? null;
}
