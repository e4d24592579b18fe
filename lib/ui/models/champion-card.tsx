import { TrophyIcon } from "lucide-react";
import Link from "next/link";
import type { ModelSummary } from "../../registry/queries.ts";
import { Badge } from "../components/badge.tsx";
import { buttonVariants } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "../components/card.tsx";
import { EmptyState } from "../components/empty-state.tsx";
import { Stat } from "../components/stat.tsx";
import { formatDateTime } from "../format.ts";
import { formatMetric } from "./metric-format.ts";
import { metricLabel } from "./report-view.ts";

/**
 * The Overview's model card: the champion of a model (version, primary metric on the test set, when it was trained,
 * a link), or, with no model or no champion yet, what to run to get one. A server component taking a plain summary
 * (lib/registry listModels / getModel), so the Overview decides which model to show.
 */
export function ChampionCard({ model }: { model: ModelSummary | null }) {
  const titleId = "champion-card-title";
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id={titleId}>Champion model</CardTitle>
          <CardDescription>{model ? `${model.name} · ${model.dataset}` : "The model that scores customers."}</CardDescription>
        </div>
        {model?.champion && <Badge variant="success">champion v{model.champion.version}</Badge>}
      </CardHeader>
      <CardContent>
        {model?.champion ? (
          <div className="grid grid-cols-2 gap-4">
            <Stat label={`${metricLabel(model.primaryMetric)} (test set)`} value={formatMetric(model.champion.value)} hint={`${model.versionCount} version${model.versionCount === 1 ? "" : "s"} trained`} />
            <Stat label="Trained" value={<span className="text-base">{formatDateTime(model.champion.trainedAt)}</span>} hint={model.challenger ? `challenger v${model.challenger} waiting` : undefined} />
          </div>
        ) : (
          <EmptyState icon={TrophyIcon} title={model ? "No champion yet" : "No model trained yet"}>
            {model ? (
              <>Promote a version of {model.name} on its page, or train again.</>
            ) : (
              <>
                Train one with <code>churnops run train-elearning</code> or from the <Link href="/pipelines">Pipelines</Link> page; the first version becomes the champion.
              </>
            )}
          </EmptyState>
        )}
      </CardContent>
      {model && (
        <CardFooter>
          <Link href={`/models/${encodeURIComponent(model.name)}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
            Open {model.name}
          </Link>
        </CardFooter>
      )}
    </Card>
  );
}
