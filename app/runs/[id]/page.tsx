import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRunView } from "../../../lib/overview/run-view.ts";
import { findPipeline } from "../../../lib/pipelines/catalog.ts";
import { runIdSchema } from "../../../lib/pipelines/start-run.ts";
import { Card, CardContent, CardHeader, CardTitle } from "../../../lib/ui/components/card.tsx";
import { PageHeader } from "../../../lib/ui/components/page-header.tsx";
import { shortId } from "../../../lib/ui/format.ts";
import { LiveRun } from "../../../lib/ui/live-run.tsx";
import { ParamsTable } from "../../../lib/ui/params-table.tsx";
import { RunLineageTable } from "../../../lib/ui/run-lineage.tsx";
import { viewerIsAdmin } from "../../../lib/auth/viewer-is-admin.ts";
import { getEnv } from "../../../lib/env.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run ${shortId((await params).id)}` };
}

export default async function RunPage({ params }: Props) {
  const id = runIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const run = await getRunView(id.data, { withStack: await viewerIsAdmin() });
  if (!run) notFound();
  const pipeline = findPipeline(run.pipelineId);
  return (
    <>
      <PageHeader
        title={`Run ${shortId(run.id)}`}
        description={
          <span className="[&_a]:underline">
            <Link href={`/pipelines#${run.pipelineId}`}>{pipeline?.title ?? run.pipelineId}</Link> · <code className="break-all">{run.id}</code>
          </span>
        }
      />
      <div className="flex flex-col gap-6">
        <LiveRun initial={run} serverNow={Date.now()} pageCacheMs={getEnv().CHURNOPS_PAGE_CACHE_MS} />
        <Card aria-label="Parameters">
          <CardHeader>
            <CardTitle>Parameters</CardTitle>
          </CardHeader>
          <CardContent>
            <ParamsTable params={run.params} />
          </CardContent>
        </Card>
        <RunLineageTable runId={run.id} />
      </div>
    </>
  );
}
