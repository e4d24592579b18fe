import { BrainCircuitIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listModels } from "../../lib/registry/queries.ts";
import { Card, CardContent } from "../../lib/ui/components/card.tsx";
import { EmptyState } from "../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { buttonVariants } from "../../lib/ui/components/button.tsx";
import { ModelsTable, type ModelRowView } from "../../lib/ui/models/models-table.tsx";
import { metricLabel } from "../../lib/ui/models/report-view.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const models = await listModels();
  const rows: ModelRowView[] = models.map((m) => ({
    name: m.name, dataset: m.dataset, champion: m.champion?.version ?? null, challenger: m.challenger,
    metricLabel: metricLabel(m.primaryMetric), metricValue: m.champion?.value ?? null, lastTrainedAt: m.lastTrainedAt, versionCount: m.versionCount,
  }));
  return (
    <>
      <PageHeader title="Models" description="Every registered churn model, its champion (the version that scores customers) and how well it did on its test set." />
      {rows.length === 0 ? (
        <EmptyState
          icon={BrainCircuitIcon}
          title="No models yet"
          action={<Link href="/pipelines" className={buttonVariants({ variant: "default" })}>Open Pipelines</Link>}
        >
          Train one: run <code>churnops run train-elearning</code> in a terminal, or start a training pipeline from the Pipelines page. Its first version
          is registered here and becomes the champion.
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="pt-4">
            <ModelsTable models={rows} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
