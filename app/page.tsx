import { GaugeIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { dataFreshness } from "../lib/overview/data-freshness.ts";
import { loadedChurnRates } from "../lib/overview/loaded-churn-rates.ts";
import { FAILURE_WINDOW_DAYS, recentFailures } from "../lib/overview/recent-failures.ts";
import { rejectedRowsTrend, TREND_WINDOW_DAYS } from "../lib/overview/rejected-rows-trend.ts";
import { runActivity } from "../lib/overview/run-wait.ts";
import { setupChecklist } from "../lib/overview/setup-checklist.ts";
import { latestDriftRuns } from "../lib/monitoring-pages/drift-runs.ts";
import { latestScoringRuns } from "../lib/predictions/scoring-runs.ts";
import { listModels } from "../lib/registry/queries.ts";
import { ChampionCard } from "../lib/ui/models/champion-card.tsx";
import { listRuns } from "../lib/pipelines/run-queries.ts";
import { Alert } from "../lib/ui/components/alert.tsx";
import { Button } from "../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../lib/ui/components/card.tsx";
import { ChartCard } from "../lib/ui/components/chart-card.tsx";
import { EmptyState } from "../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../lib/ui/components/page-header.tsx";
import { Stat } from "../lib/ui/components/stat.tsx";
import { formatCount, formatDateTime } from "../lib/ui/format.ts";
import { FreshnessCard } from "../lib/ui/freshness-card.tsx";
import { LiveRefresh } from "../lib/ui/live-refresh.tsx";
import { DriftStatusCard } from "../lib/ui/monitoring/drift-status-card.tsx";
import { AtRiskCard } from "../lib/ui/predictions/at-risk-card.tsx";
import { overviewVerdict } from "../lib/ui/overview-verdict.ts";
import { RejectedRowsChart } from "../lib/ui/rejected-rows-chart.tsx";
import { RunsTable } from "../lib/ui/runs-table.tsx";
import { SetupChecklist } from "../lib/ui/setup-checklist.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export default async function OverviewPage() {
  const now = new Date();
  // Activity first: a run that finishes while the other queries run changes the signature after this point, so the
  // live refresh sees the change and renders again instead of keeping a half-updated page.
  const activity = await runActivity();
  const [sources, failures, trend, rates, checklist, models, latest, scored, drift] = await Promise.all([
    dataFreshness(now),
    recentFailures(now),
    rejectedRowsTrend(now),
    loadedChurnRates(),
    setupChecklist(),
    listModels(),
    listRuns({ pageSize: 6 }),
    latestScoringRuns(),
    latestDriftRuns(),
  ]);
  const active = activity.active;
  const trained = checklist.find((i) => i.id === "train")?.done ?? false;
  const verdict = overviewVerdict({ sources, failedRuns: failures.failedRuns, active, trained });
  const rejectedTotal = trend.reduce((a, p) => a + p.rejectedRows, 0);
  const setupDone = checklist.every((i) => i.done);

  return (
    <>
      <PageHeader title="Overview" description="Is the data fresh and healthy, and what to do next." />
      <LiveRefresh activity={activity} />
      <div className="flex flex-col gap-6">
        <Alert variant={verdict.tone} role="status" aria-label="Data health" data-testid="verdict">
          <div className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-2">
            <div className="min-w-0">
              <p className="m-0 font-semibold">{verdict.title}</p>
              <p className="m-0">{verdict.detail}</p>
            </div>
            {verdict.next && (
              <Button asChild size="sm" variant="outline">
                <Link href={verdict.next.href}>{verdict.next.label}</Link>
              </Button>
            )}
          </div>
        </Alert>

        {!setupDone && (
          <SetupChecklist items={checklist} />
        )}

        <section aria-labelledby="freshness-heading" className="flex flex-col gap-3">
          <h2 id="freshness-heading" className="m-0 text-lg font-semibold">
            Data freshness
          </h2>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {sources.map((s) => (
              <FreshnessCard key={s.key} source={s} now={now} />
            ))}
          </div>
        </section>

        <section aria-labelledby="health-heading" className="flex flex-col gap-3">
          <h2 id="health-heading" className="m-0 text-lg font-semibold">
            Last {FAILURE_WINDOW_DAYS} days
          </h2>
          <Card>
            <CardContent className="grid gap-4 pt-4 sm:grid-cols-2 lg:grid-cols-4">
              <Stat label="Failed runs" value={formatCount(failures.failedRuns)} tone={failures.failedRuns > 0 ? "destructive" : "default"} hint={<Link href="/runs?status=failed">See failed runs</Link>} />
              <Stat label="Stopped by the data gate" value={formatCount(failures.gateFailures)} tone={failures.gateFailures > 0 ? "warning" : "default"} hint="Bad input data, not a bug" />
              <Stat label="Failed validations" value={formatCount(failures.failedValidations)} tone={failures.failedValidations > 0 ? "warning" : "default"} hint={<Link href="/data/quality">Quality reports</Link>} />
              <Stat
                label="Churn rate of loaded data"
                value={rates.length > 0 && rates[0].rate !== null ? percent(rates[0].rate) : "—"}
                hint={rates.length > 0 ? `${rates[0].title}: ${rates[0].definition}` : "Needs labelled data: load the wallet sample or an uploaded dataset with a target."}
              />
            </CardContent>
          </Card>
          {failures.runs.length > 0 && (
            <ul className="m-0 flex list-none flex-col gap-1 p-0 text-sm [&_a]:underline" aria-label="Recent failed runs">
              {failures.runs.map((r) => (
                <li key={r.id}>
                  <Link href={`/runs/${r.id}`}>
                    {r.pipelineId} · {formatDateTime(r.createdAt)}
                  </Link>{" "}
                  <span className="text-muted-foreground">{r.failureKind === "data_gate" ? "stopped by the data gate" : "failed"}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className="grid gap-4 lg:grid-cols-2">
          <Card aria-labelledby="latest-runs-heading">
            <CardHeader>
              <CardTitle id="latest-runs-heading">Latest runs</CardTitle>
              <Link href="/runs" className="text-sm">
                All runs
              </Link>
            </CardHeader>
            <CardContent>
              <RunsTable runs={latest.runs} caption="Latest runs" hidden={["trigger", "executor", "error", "duration"]} columnMenu={false} emptyMessage="No runs yet." />
            </CardContent>
          </Card>
          <ChartCard
            title="Rejected rows"
            description={`Per validated load, last ${TREND_WINDOW_DAYS} days: ${formatCount(rejectedTotal)} rows rejected in ${trend.length} load${trend.length === 1 ? "" : "s"}.`}
            label={`Bar chart of rejected rows per validated load over the last ${TREND_WINDOW_DAYS} days`}
            data={{ columns: ["Load time (UTC)", "Sources", "Rows checked", "Rejected rows"], rows: trend.map((p) => [formatDateTime(p.at), p.sources, p.rows, p.rejectedRows]), numericColumns: [2, 3] }}
          >
            {trend.length > 0 ? (
              <RejectedRowsChart points={trend.map((p) => ({ t: Date.parse(p.at), rejectedRows: p.rejectedRows, sources: p.sources }))} />
            ) : (
              <p className="m-0 text-sm text-muted-foreground">No validated loads in the last {TREND_WINDOW_DAYS} days.</p>
            )}
          </ChartCard>
        </div>

        <div className="grid gap-4 lg:grid-cols-3">
          <Card aria-labelledby="churn-heading">
            <CardHeader>
              <div className="min-w-0">
                <CardTitle id="churn-heading">Churn in the loaded data</CardTitle>
                <CardDescription>Share of labelled customers who churned, from the staging tables.</CardDescription>
              </div>
            </CardHeader>
            <CardContent className="flex flex-col gap-2 text-sm [&_a]:underline">
              {rates.map((r) => (
                <p key={r.key} className="m-0">
                  <strong>{r.rate === null ? "—" : percent(r.rate)}</strong> {r.title}: {formatCount(r.churned)} of {formatCount(r.labelled)} {r.definition}.
                </p>
              ))}
              <p className="m-0 text-muted-foreground">
                E-learning has no label in its staging tables: its churn label (no activity in the 30 days after a date) is built with the features when a model is trained.
              </p>
            </CardContent>
          </Card>
          {models.length === 0 ? <ChampionCard model={null} /> : models.map((m) => <ChampionCard key={m.name} model={m} />)}
          {scored.length === 0 && drift.length === 0 ? (
            <EmptyState icon={GaugeIcon} title="No scores yet" action={<Button asChild size="sm" variant="outline"><Link href="/pipelines">Score customers after training</Link></Button>}>
              At-risk customers and drift status appear once a model has scored customers.
            </EmptyState>
          ) : (
            <>
              <AtRiskCard runs={scored} />
              <DriftStatusCard runs={drift} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
