import { ExternalLinkIcon } from "lucide-react";
import Link from "next/link";
import { reportViewHref } from "../../http/report-view-policy.ts";
import type { DriftRunView } from "../../monitoring-pages/drift-runs.ts";
import { compareDatasets, datasetLabel, pipelineCommand } from "../../predictions/dataset-label.ts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { formatCount, formatDateTime, shortId } from "../format.ts";
import { formatStatistic } from "./drift-format.ts";
import { DriftStatusBadge } from "./drift-status-badge.tsx";

/**
 * /monitoring's data-quality card: per dataset, the latest PSI check against its frozen baseline sample (psi-check-*
 * pipelines): verdict, failing columns, largest PSI against the threshold, and its stored report.
 */
export function PsiCheckCard({ runs }: { runs: readonly DriftRunView[] }) {
  const sorted = [...runs].sort((a, b) => compareDatasets(a.dataset, b.dataset));
  return (
    <Card aria-labelledby="psi-check-title">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="psi-check-title">Data quality: PSI against the baseline</CardTitle>
          <CardDescription>
            The latest daily PSI check of each dataset: its current rows against a sample frozen by its first check, number column by number column. No model needed.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {sorted.length === 0 ? (
          <p className="m-0 text-sm text-muted-foreground">
            No PSI checks yet: run <code className="break-all">{pipelineCommand("psi-check", "elearning")}</code> (it exits 2 when a column fails), or start a psi-check pipeline from{" "}
            <Link href="/pipelines" className="underline">Pipelines</Link>.
          </p>
        ) : (
          <ul className="m-0 flex list-none flex-col gap-3 p-0" aria-label="Latest PSI check per dataset">
            {sorted.map((r) => (
              <li key={r.dataset} className="min-w-0 text-sm" data-dataset={r.dataset}>
                <p className="m-0 flex flex-wrap items-center gap-x-2">
                  <span className="font-medium">{datasetLabel(r.dataset)}</span>
                  <DriftStatusBadge status={r.status} label={`PSI ${r.status}`} testId={`psi-status-${r.dataset}`} />
                </p>
                <p className="m-0 text-muted-foreground">
                  {formatCount(r.driftedColumns)} of {formatCount(r.columns)} columns at PSI {formatStatistic(r.psiThreshold)} or more, largest PSI {formatStatistic(r.maxPsi)};{" "}
                  {formatCount(r.currentRows)} rows against a baseline of {formatCount(r.referenceRows)}; checked {formatDateTime(r.createdAt)}.
                </p>
                <p className="m-0 flex flex-wrap gap-x-3">
                  {r.reportKey && (
                    <a href={reportViewHref(r.reportKey)} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 underline" aria-label={`PSI report of ${datasetLabel(r.dataset)}`}>
                      Report
                      <ExternalLinkIcon aria-hidden className="size-3" />
                    </a>
                  )}
                  <Link href={`/runs/${r.runId}`} className="underline">
                    Run {shortId(r.runId)}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
