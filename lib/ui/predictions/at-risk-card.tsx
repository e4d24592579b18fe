import Link from "next/link";
import { compareDatasets, datasetLabel } from "../../predictions/dataset-label.ts";
import type { ScoringRunView } from "../../predictions/scoring-runs.ts";
import { buttonVariants } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "../components/card.tsx";
import { formatShare } from "../dq-format.ts";
import { formatCount, formatDateTime } from "../format.ts";

/** The Overview's at-risk card: per dataset, the latest scoring run's high-risk customers (count and rate). */
export function AtRiskCard({ runs }: { runs: readonly ScoringRunView[] }) {
  const sorted = [...runs].sort((a, b) => compareDatasets(a.dataset, b.dataset));
  return (
    <Card aria-labelledby="overview-at-risk-title">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="overview-at-risk-title">At-risk customers</CardTitle>
          <CardDescription>High risk in the latest scoring run of each dataset.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {sorted.length === 0 ? (
          <p className="m-0 text-sm text-muted-foreground">
            Nobody scored yet: run <code>churnops run score-elearning</code> (or score-wallet, score-table) after training.
          </p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-3 p-0" aria-label="At-risk customers per dataset">
            {sorted.map((r) => (
              <li key={r.dataset} className="min-w-0 text-sm" data-dataset={r.dataset}>
                <p className="m-0 flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{datasetLabel(r.dataset)}</span>
                  <span className={r.highRiskCount ? "text-lg font-semibold tabular-nums text-destructive" : "text-lg font-semibold tabular-nums"}>
                    {r.highRiskCount === null ? "—" : formatCount(r.highRiskCount)}
                  </span>
                  <span>high risk</span>
                </p>
                <p className="m-0 text-muted-foreground">
                  {formatShare(r.highRiskRate)} of {formatCount(r.rows)} scored by {r.model} v{r.version}, {formatDateTime(r.createdAt)}.{" "}
                  <Link href={`/predictions?dataset=${encodeURIComponent(r.dataset)}`} className="underline" aria-label={`Who is at risk in ${datasetLabel(r.dataset)}, and why`}>
                    Who and why
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <CardFooter>
        <Link href="/predictions" className={buttonVariants({ variant: "outline", size: "sm" })}>
          Open Predictions
        </Link>
      </CardFooter>
    </Card>
  );
}
