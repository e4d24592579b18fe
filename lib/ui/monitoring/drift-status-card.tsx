import Link from "next/link";
import type { DriftRunView } from "../../monitoring-pages/drift-runs.ts";
import { compareDatasets, datasetLabel } from "../../predictions/dataset-label.ts";
import { buttonVariants } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "../components/card.tsx";
import { formatCount, formatDateTime } from "../format.ts";
import { formatStatistic } from "./drift-format.ts";
import { DriftStatusBadge } from "./drift-status-badge.tsx";

/** The Overview's drift card: per dataset, the latest drift check's verdict. */
export function DriftStatusCard({ runs }: { runs: readonly DriftRunView[] }) {
  const sorted = [...runs].sort((a, b) => compareDatasets(a.dataset, b.dataset));
  return (
    <Card aria-labelledby="overview-drift-title">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="overview-drift-title">Drift status</CardTitle>
          <CardDescription>The latest drift check of each dataset: scored data against the training data.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {sorted.length === 0 ? (
          <p className="m-0 text-sm text-muted-foreground">
            No drift checks yet: run <code>churnops run drift-elearning</code>, or start a drift pipeline from <Link href="/pipelines" className="underline">Pipelines</Link>.
          </p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-3 p-0" aria-label="Drift status per dataset">
            {sorted.map((r) => (
              <li key={r.dataset} className="min-w-0 text-sm" data-dataset={r.dataset}>
                <p className="m-0 flex flex-wrap items-center gap-x-2">
                  <span className="font-medium">{datasetLabel(r.dataset)}</span>
                  <DriftStatusBadge status={r.status} />
                </p>
                <p className="m-0 text-muted-foreground">
                  {formatCount(r.driftedColumns)} of {formatCount(r.columns)} columns drifted, largest PSI {formatStatistic(r.maxPsi)}; checked {formatDateTime(r.createdAt)}.{" "}
                  <Link href={`/monitoring?dataset=${encodeURIComponent(r.dataset)}`} className="underline" aria-label={`Drift details of ${datasetLabel(r.dataset)}`}>
                    Details
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <CardFooter>
        <Link href="/monitoring" className={buttonVariants({ variant: "outline", size: "sm" })}>
          Open Monitoring
        </Link>
      </CardFooter>
    </Card>
  );
}
