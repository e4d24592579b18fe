import "server-only";
import { getDb, getPool } from "../db/client.ts";
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

const SUMMARY_COLUMNS = `id, pipeline_id AS "pipelineId", status::text AS status, trigger::text AS trigger, executor::text AS executor,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt", progress, progress_message AS "progressMessage",
  failure_kind AS "failureKind", error_message AS "errorMessage"`;

/**
 * One page of runs, newest first. Plain SQL on the pool: the list is the most read query of the dashboard and of
 * `churnops runs`, and Prisma's first query in a process loads its query compiler (most of a CLI command's time).
 */
export async function listRuns(filter: RunFilter = {}): Promise<{ runs: RunSummary[]; total: number; page: number; pageSize: number }> {
  const { pool } = await getPool();
  const pageSize = Math.min(200, Math.max(1, filter.pageSize ?? 25));
  const page = Math.max(1, filter.page ?? 1);
  const where = "($1::text IS NULL OR pipeline_id = $1) AND ($2::text IS NULL OR status::text = $2)";
  const params = [filter.pipelineId ?? null, filter.status ?? null];
  const [rows, count] = await Promise.all([
    pool.query<RunRow>(`SELECT ${SUMMARY_COLUMNS} FROM ops.pipeline_runs WHERE ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`, [...params, pageSize, (page - 1) * pageSize]),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ops.pipeline_runs WHERE ${where}`, params),
  ]);
  return { runs: rows.rows.map(toSummary), total: count.rows[0].n, page, pageSize };
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

/** The newest run of each pipeline: one query per page view of /, not one per pipeline. */
export async function lastRunByPipeline(pipelineIds: readonly string[]): Promise<Record<string, RunSummary | undefined>> {
  const { pool } = await getPool();
  const { rows } = await pool.query<RunRow>(
    `SELECT DISTINCT ON (pipeline_id) ${SUMMARY_COLUMNS} FROM ops.pipeline_runs WHERE pipeline_id = ANY($1::text[]) ORDER BY pipeline_id, created_at DESC, id`,
    [pipelineIds],
  );
  const byId = new Map(rows.map((r) => [r.pipelineId, toSummary(r)]));
  return Object.fromEntries(pipelineIds.map((id) => [id, byId.get(id)]));
}

export const TERMINAL_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];
