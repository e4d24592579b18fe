import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDqRun } from "../../../../lib/quality/quality-queries.ts";
import { DqStatusBadge } from "../../../../lib/ui/dq-status-badge.tsx";
import { formatCount, formatDateTime, formatDuration, shortId } from "../../../../lib/ui/format.ts";
import { QualityExpectationsTable } from "../../../../lib/ui/quality-expectations-table.tsx";
import { rejectsHref } from "../../../../lib/ui/rejects-filters.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ run: string }> };

/** One query per request, shared by the metadata and the page. */
const loadDqRun = cache(getDqRun);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dq = await loadDqRun((await params).run);
  return { title: dq ? `Validation ${dq.suite}` : "Validation not found" };
}

export default async function ValidationPage({ params }: Props) {
  // getDqRun answers null for ids that are not UUIDs, so both cases are a 404.
  const dq = await loadDqRun((await params).run);
  if (!dq) notFound();
  return (
    <>
      <h1>Validation {dq.suite}</h1>
      <p className="muted">
        <code>{dq.id}</code> · <Link href="/data/quality">All validations</Link>
      </p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <DqStatusBadge status={dq.status} testId="dq-status" />
        </dd>
        <dt>Source</dt>
        <dd>{dq.source}</dd>
        <dt>Table</dt>
        <dd>
          <code>{dq.tableName}</code>
        </dd>
        <dt>Rows</dt>
        <dd>{formatCount(dq.rowCount)}</dd>
        <dt>Rejected rows</dt>
        <dd>
          {dq.rejectedRows > 0 && dq.runId ? (
            <Link href={rejectsHref({ suite: dq.suite, runId: dq.runId })}>{formatCount(dq.rejectedRows)}</Link>
          ) : (
            formatCount(dq.rejectedRows)
          )}
        </dd>
        <dt>Evaluated at</dt>
        <dd>{formatDateTime(dq.evaluatedAt)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(dq.durationMs)}</dd>
        <dt>Run</dt>
        <dd>
          {dq.runId ? (
            <Link href={`/runs/${dq.runId}`} aria-label={`Run ${shortId(dq.runId)}`}>
              <code>{shortId(dq.runId)}</code>
            </Link>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
      </dl>
      <QualityExpectationsTable suite={dq.suite} results={dq.result.results ?? []} />
    </>
  );
}
