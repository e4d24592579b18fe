import "server-only";
import { getDb } from "../db/client.ts";
import type { RunStatus } from "../db/generated/prisma/enums.ts";
import type { Json } from "./pipeline-definition.ts";

// Read models for the dashboard, the CLI and the REST routes: plain JSON-able objects, dates as ISO strings.

export interface RunSummary {
  id: string;
  pipelineId: string;
  status: RunStatus;
  trigger: string;
  executor: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  progress: number;
  progressMessage: string | null;
  failureKind: string | null;
  errorMessage: string | null;
}

export interface StepView {
  stepId: string;
  title: string;
  position: number;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  attempts: number;
  output: Json | null;
  errorMessage: string | null;
}

export interface RunDetail extends RunSummary {
  params: Json;
  errorStack: string | null;
  cancelRequestedAt: string | null;
  workerPid: number | null;
  summary: Json | null;
  steps: StepView[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const duration = (a: Date | null, b: Date | null) => (a && b ? b.getTime() - a.getTime() : null);

type RunRow = {
  id: string; pipelineId: string; status: RunStatus; trigger: string; executor: string; createdAt: Date; startedAt: Date | null;
  finishedAt: Date | null; progress: number; progressMessage: string | null; failureKind: string | null; errorMessage: string | null;
};

const summarySelect = {
  id: true, pipelineId: true, status: true, trigger: true, executor: true, createdAt: true, startedAt: true,
  finishedAt: true, progress: true, progressMessage: true, failureKind: true, errorMessage: true,
} as const;

function toSummary(r: RunRow): RunSummary {
  return { ...r, createdAt: r.createdAt.toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt), durationMs: duration(r.startedAt, r.finishedAt) };
}

export interface RunFilter {
  pipelineId?: string;
  status?: RunStatus;
  page?: number;
  pageSize?: number;
}

export async function listRuns(filter: RunFilter = {}): Promise<{ runs: RunSummary[]; total: number; page: number; pageSize: number }> {
  const { prisma } = await getDb();
  const pageSize = Math.min(200, Math.max(1, filter.pageSize ?? 25));
  const page = Math.max(1, filter.page ?? 1);
  const where = { ...(filter.pipelineId ? { pipelineId: filter.pipelineId } : {}), ...(filter.status ? { status: filter.status } : {}) };
  const [rows, total] = await Promise.all([
    prisma.pipelineRun.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize, select: summarySelect }),
    prisma.pipelineRun.count({ where }),
  ]);
  return { runs: rows.map(toSummary), total, page, pageSize };
}

export async function getRunDetail(runId: string): Promise<RunDetail | null> {
  const { prisma } = await getDb();
  const run = await prisma.pipelineRun.findUnique({
    where: { id: runId },
    select: { ...summarySelect, params: true, errorStack: true, cancelRequestedAt: true, workerPid: true, summary: true, steps: { orderBy: { position: "asc" } } },
  });
  if (!run) return null;
  return {
    ...toSummary(run),
    params: run.params as Json,
    errorStack: run.errorStack,
    cancelRequestedAt: iso(run.cancelRequestedAt),
    workerPid: run.workerPid,
    summary: (run.summary ?? null) as Json | null,
    steps: run.steps.map((s) => ({
      stepId: s.stepId, title: s.title, position: s.position, status: s.status, startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt),
      durationMs: duration(s.startedAt, s.finishedAt), attempts: s.attempts, output: (s.output ?? null) as Json | null, errorMessage: s.errorMessage,
    })),
  };
}

/** The newest run of each pipeline. */
export async function lastRunByPipeline(pipelineIds: readonly string[]): Promise<Record<string, RunSummary | undefined>> {
  const { prisma } = await getDb();
  const entries = await Promise.all(
    pipelineIds.map(async (id) => {
      const row = await prisma.pipelineRun.findFirst({ where: { pipelineId: id }, orderBy: { createdAt: "desc" }, select: summarySelect });
      return [id, row ? toSummary(row) : undefined] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export const TERMINAL_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];
