import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { viewerIsAdmin } from "../../../../lib/auth/viewer-is-admin.ts";
import { getModelVersion } from "../../../../lib/registry/queries.ts";
import { readShapSample } from "../../../../lib/registry/read-shap-sample.ts";
import { Badge } from "../../../../lib/ui/components/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../../lib/ui/components/card.tsx";
import { PageHeader } from "../../../../lib/ui/components/page-header.tsx";
import { Stat } from "../../../../lib/ui/components/stat.tsx";
import { artifactHref, formatCount, formatDateTime, shortId } from "../../../../lib/ui/format.ts";
import { AliasActionButton } from "../../../../lib/ui/models/alias-action-button.tsx";
import { paramText } from "../../../../lib/ui/models/compare-rows.ts";
import { ConfusionExplorer } from "../../../../lib/ui/models/confusion-explorer.tsx";
import { CalibrationCard, GainsCard, PrCard, RocCard } from "../../../../lib/ui/models/curve-cards.tsx";
import { DecisionSummary } from "../../../../lib/ui/models/decision-summary.tsx";
import { ImportanceCard, ShapSummaryCard, TrialsCard } from "../../../../lib/ui/models/explain-cards.tsx";
import { LineageTable } from "../../../../lib/ui/models/lineage-table.tsx";
import { formatMetric } from "../../../../lib/ui/models/metric-format.ts";
import { HEADLINE_METRICS, metricLabel, readReport } from "../../../../lib/ui/models/report-view.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string; version: string }> };

const versionSchema = z.coerce.number().int().positive();

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${decodeURIComponent(p.name)} v${p.version}` };
}

export default async function ModelVersionPage({ params }: Props) {
  const p = await params;
  const name = decodeURIComponent(p.name);
  const version = versionSchema.safeParse(p.version);
  if (!version.success) notFound();
  const v = await getModelVersion(name, version.data);
  if (!v) notFound();
  const [sample, admin] = await Promise.all([readShapSample(v.shapSampleKey), viewerIsAdmin()]);
  const report = readReport(v.metrics);
  const label = `v${v.version}`;
  const modelHref = `/models/${encodeURIComponent(name)}`;
  const hints = new Map<string, string>(HEADLINE_METRICS.map((h) => [h.key, h.hint]));
  const params_ = Object.entries(v.params);

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {name} {label}
            {v.aliases.map((a) => (
              <Badge key={a} variant={a === "champion" ? "success" : "info"}>{a}</Badge>
            ))}
          </span>
        }
        description={`${v.family}, trained ${formatDateTime(v.createdAt)} on ${v.model.dataset}. Every number below is on the held-out test set${report.rows !== null ? ` (${formatCount(report.rows)} customers, ${formatCount(report.positives ?? 0)} churned)` : ""}.`}
        actions={
          admin && !v.aliases.includes("champion") ? (
            <AliasActionButton model={name} action="promote" version={v.version} label={`Promote ${label} to champion`} description={`${label} becomes the champion of ${name}.`} variant="default" />
          ) : undefined
        }
      >
        <p className="mt-2 mb-0 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={modelHref}>All versions of {name}</Link>
          {v.runId && <Link href={`/runs/${v.runId}`}>Training run {shortId(v.runId)}</Link>}
        </p>
      </PageHeader>

      <div className="flex flex-col gap-6">
        <Card aria-labelledby="metrics-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="metrics-title">Test-set metrics</CardTitle>
              <CardDescription>
                Primary metric: {metricLabel(v.model.primaryMetric)} ({v.model.direction} is better). Threshold metrics at {report.threshold ?? "—"}.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
              {report.numbers.map((n) => (
                <Stat key={n.key} label={n.label} value={formatMetric(n.value)} hint={n.key === v.model.primaryMetric ? "primary metric" : hints.get(n.key)} tone={n.key === v.model.primaryMetric ? "success" : "default"} />
              ))}
            </div>
            <div>
              <h3 className="m-0 mb-1 text-sm font-semibold">Promotion decision</h3>
              <DecisionSummary decision={v.decision} />
            </div>
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <RocCard versions={[{ label, report }]} />
          <PrCard versions={[{ label, report }]} />
          <CalibrationCard versions={[{ label, report }]} />
          <GainsCard versions={[{ label, report }]} />
        </div>

        <Card aria-labelledby="confusion-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="confusion-title">Confusion matrix</CardTitle>
              <CardDescription>Move the threshold to trade missed churners against customers contacted for nothing.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            {report.roc && report.positives !== null && report.rows !== null ? (
              <ConfusionExplorer roc={report.roc} positives={report.positives} rows={report.rows} initialThreshold={report.threshold ?? 0.5} />
            ) : (
              <p className="m-0 text-sm text-muted-foreground">This version stored no ROC curve or class counts, so there is no matrix to show.</p>
            )}
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <ImportanceCard versions={[{ label, importances: v.importances }]} />
          <ShapSummaryCard sample={sample} importanceOrder={v.importances.map((i) => i.feature)} />
        </div>

        <TrialsCard trials={v.trials} metric={v.model.primaryMetric} />

        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="params-title">
            <CardHeader>
              <CardTitle id="params-title">Parameters</CardTitle>
            </CardHeader>
            <CardContent>
              {params_.length === 0 ? (
                <p className="m-0 text-sm text-muted-foreground">No parameters recorded.</p>
              ) : (
                <dl className="m-0 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
                  {params_.map(([k, value]) => (
                    <div key={k} className="contents">
                      <dt className="font-mono text-xs text-muted-foreground">{k}</dt>
                      <dd className="m-0 break-all">{paramText(value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </CardContent>
          </Card>
          <Card aria-labelledby="artifact-title">
            <CardHeader>
              <CardTitle id="artifact-title">Artifact</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="m-0 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted-foreground">Model file</dt>
                <dd className="m-0 break-all"><a href={artifactHref(v.artifactKey)}>{v.artifactKey}</a></dd>
                <dt className="text-muted-foreground">SHA-256</dt>
                <dd className="m-0 font-mono text-xs break-all">{v.artifactSha256}</dd>
                <dt className="text-muted-foreground">Importances</dt>
                <dd className="m-0 break-all"><a href={artifactHref(v.importancesKey)}>{v.importancesKey}</a></dd>
                <dt className="text-muted-foreground">Data hash</dt>
                <dd className="m-0 font-mono text-xs break-all">{v.dataHash}</dd>
              </dl>
            </CardContent>
          </Card>
        </div>

        <Card aria-labelledby="lineage-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="lineage-title">Training data lineage</CardTitle>
              <CardDescription>The run-scoped snapshots this version was trained on; each links to the run that produced it.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <LineageTable caption={`Training lineage of ${label}`} versions={[{ label, dataHash: v.dataHash, featureSetVersion: v.featureSetVersion, runId: v.runId, snapshots: v.snapshots }]} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
