import { pipelines } from "../lib/pipelines/catalog.ts";
import { lastRunByPipeline } from "../lib/pipelines/run-queries.ts";
import { nextRunOf } from "../lib/pipelines/schedules.ts";
import { paramFieldsOf } from "../lib/ui/param-fields.ts";
import { PipelineCard } from "../lib/ui/pipeline-card.tsx";

export const dynamic = "force-dynamic";

export default async function PipelinesPage() {
  const lastRuns = await lastRunByPipeline(pipelines.map((p) => p.id));
  return (
    <>
      <h1>Pipelines</h1>
      <div className="cards">
        {pipelines.map((p) => (
          <PipelineCard
            key={p.id}
            id={p.id}
            title={p.title}
            description={p.description}
            schedule={p.schedule ?? null}
            nextRun={p.schedule ? (nextRunOf(p.schedule)?.toISOString() ?? null) : null}
            lastRun={lastRuns[p.id]}
            fields={paramFieldsOf(p.params)}
          />
        ))}
      </div>
    </>
  );
}
