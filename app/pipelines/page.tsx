import type { Metadata } from "next";
import { datasetVersionChoices, storedCsvChoices } from "../../lib/overview/param-choices.ts";
import { pipelines } from "../../lib/pipelines/catalog.ts";
import { lastRunByPipeline } from "../../lib/pipelines/run-queries.ts";
import { nextRunOf } from "../../lib/pipelines/schedules.ts";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { paramFieldsOf, type ParamChoice } from "../../lib/ui/param-fields.ts";
import { PipelineCard } from "../../lib/ui/pipeline-card.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pipelines" };

export default async function PipelinesPage() {
  const [lastRuns, csvs, versions] = await Promise.all([lastRunByPipeline(pipelines.map((p) => p.id)), storedCsvChoices(), datasetVersionChoices()]);
  return (
    <>
      <PageHeader title="Pipelines" description="Each pipeline loads, checks or prepares data. Start one here; its page shows what it does while it runs." />
      <div className="grid gap-4 lg:grid-cols-2">
        {pipelines.map((p) => {
          const fields = paramFieldsOf(p.params);
          const choices: Record<string, ParamChoice[]> = Object.fromEntries(
            fields.filter((f) => f.picker).map((f) => [f.name, f.picker === "artifact" ? csvs : versions]),
          );
          return (
            <PipelineCard
              key={p.id}
              id={p.id}
              title={p.title}
              description={p.description}
              schedule={p.schedule ?? null}
              nextRun={p.schedule ? (nextRunOf(p.schedule)?.toISOString() ?? null) : null}
              lastRun={lastRuns[p.id]}
              fields={fields}
              choices={choices}
              steps={p.steps.map((s) => s.title)}
            />
          );
        })}
      </div>
    </>
  );
}
