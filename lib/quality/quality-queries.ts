import { z } from "zod";
import { getDb } from "../db/client.ts";
import type { SuiteResult } from "./expectation-types.ts";

// Read models for /data/quality, /data/rejects and their CSV/JSON routes. Filters are zod-parsed here so the
// pages and the routes accept exactly the same query strings.

export interface DqRunSummary {
  id: string;
  runId: string | null;
  source: string;
  suite: string;
  tableName: string;
  status: string;
  rowCount: number;
  rejectedRows: number;
  durationMs: number;
  evaluatedAt: string;
  /** Worst unexpected percent among the suite's expectations. */
  maxUnexpectedPercent: number;
  failedExpectations: number;
  warnedExpectations: number;
}

export async function listDqRuns(opts: { source?: string; suite?: string; page?: number; pageSize?: number } = {}) {
  const { prisma } = await getDb();
  const pageSize = Math.min(200, Math.max(1, opts.pageSize ?? 25));
  const page = Math.max(1, opts.page ?? 1);
  const where = { ...(opts.source ? { source: opts.source } : {}), ...(opts.suite ? { suite: opts.suite } : {}) };
  const [rows, total] = await Promise.all([
    prisma.dqRun.findMany({ where, orderBy: { evaluatedAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.dqRun.count({ where }),
  ]);
  return { runs: rows.map(toSummary), total, page, pageSize };
}

function toSummary(r: { id: string; runId: string | null; source: string; suite: string; tableName: string; status: string; rowCount: number; rejectedRows: number; durationMs: number; evaluatedAt: Date; result: unknown }): DqRunSummary {
  const results = (r.result as SuiteResult).results ?? [];
  return {
    id: r.id, runId: r.runId, source: r.source, suite: r.suite, tableName: r.tableName, status: r.status, rowCount: r.rowCount,
    rejectedRows: r.rejectedRows, durationMs: r.durationMs, evaluatedAt: r.evaluatedAt.toISOString(),
    maxUnexpectedPercent: Math.max(0, ...results.map((x) => x.unexpectedPercent)),
    failedExpectations: results.filter((x) => !x.success && x.severity === "fail").length,
    warnedExpectations: results.filter((x) => !x.success && x.severity === "warn").length,
  };
}

export async function getDqRun(id: string): Promise<(DqRunSummary & { result: SuiteResult }) | null> {
  if (!z.string().uuid().safeParse(id).success) return null;
  const { prisma } = await getDb();
  const row = await prisma.dqRun.findUnique({ where: { id } });
  return row ? { ...toSummary(row), result: row.result as unknown as SuiteResult } : null;
}

/** Unexpected percent per suite over time (oldest first), for the trend chart. */
export async function unexpectedTrend(limit = 50): Promise<{ evaluatedAt: string; suite: string; maxUnexpectedPercent: number; status: string }[]> {
  const { runs } = await listDqRuns({ pageSize: limit });
  return runs.map((r) => ({ evaluatedAt: r.evaluatedAt, suite: r.suite, maxUnexpectedPercent: r.maxUnexpectedPercent, status: r.status })).reverse();
}

export const rejectFilterSchema = z.object({
  source: z.string().max(100).optional(),
  suite: z.string().max(200).optional(),
  reasonCode: z.string().max(100).optional(),
  runId: z.string().uuid().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD").optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD").optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RejectFilter = z.infer<typeof rejectFilterSchema>;

function rejectWhere(f: RejectFilter) {
  const day = (d: string, end: boolean) => new Date(`${d}T00:00:00Z`).getTime() + (end ? 86_400_000 : 0);
  return {
    ...(f.source ? { source: f.source } : {}),
    ...(f.suite ? { suite: f.suite } : {}),
    ...(f.reasonCode ? { reasonCode: f.reasonCode } : {}),
    ...(f.runId ? { runId: f.runId } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: new Date(day(f.from, false)) } : {}), ...(f.to ? { lt: new Date(day(f.to, true)) } : {}) } } : {}),
  };
}

export interface RejectRow {
  id: string;
  runId: string | null;
  dqRunId: string;
  source: string;
  suite: string;
  expectationId: string;
  reasonCode: string;
  sourceFile: string | null;
  sourceLine: number | null;
  row: Record<string, unknown>;
  createdAt: string;
}

const toRejectRow = (r: { id: bigint; runId: string | null; dqRunId: string; source: string; suite: string; expectationId: string; reasonCode: string; sourceFile: string | null; sourceLine: number | null; rowData: unknown; createdAt: Date }): RejectRow => ({
  id: r.id.toString(), runId: r.runId, dqRunId: r.dqRunId, source: r.source, suite: r.suite, expectationId: r.expectationId, reasonCode: r.reasonCode,
  sourceFile: r.sourceFile, sourceLine: r.sourceLine, row: r.rowData as Record<string, unknown>, createdAt: r.createdAt.toISOString(),
});

/** Server-side paginated rejects, newest first, plus the filter's counts by reason code and the filter options. */
export async function listRejects(filter: RejectFilter) {
  const { prisma } = await getDb();
  const where = rejectWhere(filter);
  const [rows, total, byReason, sources, suites] = await Promise.all([
    prisma.reject.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
    prisma.reject.count({ where }),
    prisma.reject.groupBy({ by: ["reasonCode"], where, _count: { _all: true }, orderBy: { reasonCode: "asc" } }),
    prisma.reject.findMany({ distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } }),
    prisma.reject.findMany({ distinct: ["suite"], select: { suite: true }, orderBy: { suite: "asc" } }),
  ]);
  return {
    rows: rows.map(toRejectRow),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    countsByReason: byReason.map((g) => ({ reasonCode: g.reasonCode, count: g._count._all })),
    options: { sources: sources.map((s) => s.source), suites: suites.map((s) => s.suite) },
  };
}

/** Every matching reject in pages of `batch`, for the CSV download (never the whole table in memory). */
export async function* iterateRejects(filter: Omit<RejectFilter, "page" | "pageSize">, batch = 2000): AsyncGenerator<RejectRow[]> {
  const { prisma } = await getDb();
  const where = rejectWhere({ ...filter, page: 1, pageSize: 1 });
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await prisma.reject.findMany({ where, orderBy: { id: "asc" }, take: batch, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });
    if (!rows.length) return;
    yield rows.map(toRejectRow);
    cursor = rows[rows.length - 1].id;
  }
}
