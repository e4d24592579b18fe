import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findPipeline } from "../../../lib/pipelines/catalog.ts";
import { getRunDetail } from "../../../lib/pipelines/run-queries.ts";
import { runIdSchema } from "../../../lib/pipelines/start-run.ts";
import { shortId } from "../../../lib/ui/format.ts";
import { LiveRun } from "../../../lib/ui/live-run.tsx";
import { ParamsTable } from "../../../lib/ui/params-table.tsx";
import { RunLineageTable } from "../../../lib/ui/run-lineage.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run ${shortId((await params).id)}` };
}

export default async function RunPage({ params }: Props) {
  const id = runIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const run = await getRunDetail(id.data);
  if (!run) notFound();
  const pipeline = findPipeline(run.pipelineId);
  return (
    <>
      <h1>
        Run {shortId(run.id)} <span className="muted">· {pipeline?.title ?? run.pipelineId}</span>
      </h1>
      <p className="muted">
        <code>{run.id}</code>
      </p>
      <LiveRun initial={run} />
      <ParamsTable params={run.params} />
      <RunLineageTable runId={run.id} />
    </>
  );
}
