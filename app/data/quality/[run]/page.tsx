import { ArrowLeftIcon, FileWarningIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDqRun } from "../../../../lib/quality/quality-queries.ts";
import { Button } from "../../../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../lib/ui/components/card.tsx";
import { PageHeader } from "../../../../lib/ui/components/page-header.tsx";
import { Stat } from "../../../../lib/ui/components/stat.tsx";
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
  const results = dq.result.results ?? [];
  const failed = results.filter((r) => !r.success).length;
  const rejectsLink = dq.rejectedRows > 0 && dq.runId ? rejectsHref({ suite: dq.suite, runId: dq.runId }) : null;
  return (
    <>
      <PageHeader
        title={`Validation ${dq.suite}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <DqStatusBadge status={dq.status} testId="dq-status" />
            <span>
              <code className="break-all">{dq.tableName}</code> from {dq.source}, evaluated {formatDateTime(dq.evaluatedAt)}
            </span>
          </span>
        }
        actions={
          <>
            <Button asChild variant="ghost" size="sm">
              <Link href="/data/quality">
                <ArrowLeftIcon aria-hidden />
                All validations
              </Link>
            </Button>
            {rejectsLink && (
              <Button asChild variant="outline" size="sm">
                <Link href={rejectsLink}>
                  <FileWarningIcon aria-hidden />
                  Rejected rows of this run
                </Link>
              </Button>
            )}
          </>
        }
      />
      <div className="flex min-w-0 flex-col gap-6">
        <Card aria-labelledby="dq-summary-title">
          <CardHeader>
            <CardTitle id="dq-summary-title">Summary</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Rows checked" value={formatCount(dq.rowCount)} />
              <Stat
                label="Rejected rows"
                value={rejectsLink ? <Link href={rejectsLink}>{formatCount(dq.rejectedRows)}</Link> : formatCount(dq.rejectedRows)}
                tone={dq.rejectedRows > 0 ? "destructive" : "default"}
                hint={dq.rejectedRows > 0 ? "kept out of staging" : undefined}
              />
              <Stat label="Expectations failed" value={`${failed} of ${results.length}`} tone={failed > 0 ? "warning" : "success"} />
              <Stat label="Duration" value={formatDuration(dq.durationMs)} />
            </div>
            <dl className="m-0 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
              <dt className="text-muted-foreground">Table</dt>
              <dd className="m-0">
                <Link href="/data#raw-tables">
                  <code className="break-all">{dq.tableName}</code>
                </Link>
              </dd>
              <dt className="text-muted-foreground">Run</dt>
              <dd className="m-0">
                {dq.runId ? (
                  <Link href={`/runs/${dq.runId}`} aria-label={`Run ${shortId(dq.runId)}`}>
                    <code>{shortId(dq.runId)}</code>
                  </Link>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </dd>
              <dt className="text-muted-foreground">Validation id</dt>
              <dd className="m-0">
                <code className="break-all">{dq.id}</code>
              </dd>
            </dl>
          </CardContent>
        </Card>
        <Card aria-labelledby="dq-expectations-title">
          <CardHeader>
            <div>
              <CardTitle id="dq-expectations-title">Expectations</CardTitle>
              <CardDescription>Each check of the suite. A reason code lists its rejected rows; failing expectations keep a sample of their rows.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <QualityExpectationsTable suite={dq.suite} results={results} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
