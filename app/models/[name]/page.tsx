import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { viewerIsAdmin } from "../../../lib/auth/viewer-is-admin.ts";
import { getModel, getModelVersion } from "../../../lib/registry/queries.ts";
import { Alert } from "../../../lib/ui/components/alert.tsx";
import { Badge } from "../../../lib/ui/components/badge.tsx";
import { Button } from "../../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../lib/ui/components/card.tsx";
import { PageHeader } from "../../../lib/ui/components/page-header.tsx";
import { Select } from "../../../lib/ui/components/select.tsx";
import { Stat } from "../../../lib/ui/components/stat.tsx";
import { formatDateTime } from "../../../lib/ui/format.ts";
import { AliasActionButton } from "../../../lib/ui/models/alias-action-button.tsx";
import { AuditTable } from "../../../lib/ui/models/audit-table.tsx";
import { formatMetric } from "../../../lib/ui/models/metric-format.ts";
import { metricLabel } from "../../../lib/ui/models/report-view.ts";
import { VersionCompare } from "../../../lib/ui/models/version-compare.tsx";
import { VersionsTable, type VersionRowView } from "../../../lib/ui/models/versions-table.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const versionParam = z.coerce.number().int().positive().optional().catch(undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const model = await getModel(name);
  if (!model) notFound();
  const sp = await searchParams;
  const a = versionParam.parse(sp.a);
  const b = versionParam.parse(sp.b);
  const admin = await viewerIsAdmin();
  const label = metricLabel(model.primaryMetric);
  const championValue = model.versions.find((v) => v.version === model.champion?.version)?.primaryMetricValue ?? null;
  const rows: VersionRowView[] = model.versions.map((v) => ({
    model: model.name, version: v.version, family: v.family, metricLabel: label, metricValue: v.primaryMetricValue, createdAt: v.createdAt, runId: v.runId,
    aliases: v.aliases, decision: v.decision, champion: model.champion ? { version: model.champion.version, value: championValue } : null, canAdmin: admin,
  }));
  // Rollback needs an earlier champion: at least two champion moves in the audit (the route says why otherwise).
  const canRollback = admin && model.champion !== null && model.audit.filter((e) => e.alias === "champion").length >= 2;
  const compare = a !== undefined && b !== undefined ? await Promise.all([getModelVersion(name, a), getModelVersion(name, b)]) : null;
  const defaultA = a ?? model.champion?.version ?? model.versions.at(-1)?.version;
  const defaultB = b ?? model.versions.find((v) => v.version !== defaultA)?.version;

  return (
    <>
      <PageHeader
        title={model.name}
        description={`Dataset ${model.dataset}. Promotion compares ${label} on the test set (${model.direction} is better).`}
        actions={
          canRollback ? (
            <AliasActionButton model={model.name} action="rollback" label={`Roll back ${model.name} to the previous champion`} description={`The champion before v${model.champion!.version} comes back.`} />
          ) : undefined
        }
      >
        <p className="mt-2 mb-0 text-sm">
          <Link href="/models">All models</Link>
        </p>
      </PageHeader>

      <div className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Champion" value={model.champion ? <Link href={`/models/${encodeURIComponent(model.name)}/${model.champion.version}`}>v{model.champion.version}</Link> : "none"} hint={model.champion ? `${label} ${formatMetric(model.champion.value)}` : "promote a version"} />
        <Stat label="Challenger" value={model.challenger ? `v${model.challenger}` : "none"} hint="latest version the rule kept back" />
        <Stat label="Versions" value={model.versionCount} />
        <Stat label="Last trained" value={<span className="text-base">{formatDateTime(model.lastTrainedAt)}</span>} />
      </div>

      <div className="flex flex-col gap-6">
        <Card aria-labelledby="versions-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="versions-title">Versions</CardTitle>
              <CardDescription>Newest first. The decision column says why the promotion rule did or did not make each version the champion.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <VersionsTable versions={rows} />
          </CardContent>
        </Card>

        <Card aria-labelledby="compare-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="compare-title">Compare two versions</CardTitle>
              <CardDescription>Metrics, parameters, importances, curves and training data side by side.</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            {model.versions.length < 2 ? (
              <p className="m-0 text-sm text-muted-foreground">There is one version so far; train again to compare.</p>
            ) : (
              <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Choose versions to compare">
                <label className="flex flex-col gap-1.5 text-sm font-medium">
                  First version
                  <Select name="a" defaultValue={defaultA} className="w-32">
                    {model.versions.map((v) => (
                      <option key={v.version} value={v.version}>v{v.version}</option>
                    ))}
                  </Select>
                </label>
                <label className="flex flex-col gap-1.5 text-sm font-medium">
                  Second version
                  <Select name="b" defaultValue={defaultB} className="w-32">
                    {model.versions.map((v) => (
                      <option key={v.version} value={v.version}>v{v.version}</option>
                    ))}
                  </Select>
                </label>
                <Button type="submit" variant="secondary">Compare</Button>
              </form>
            )}
            {compare && (!compare[0] || !compare[1]) && (
              <Alert variant="warning" role="alert">
                {model.name} has no version {!compare[0] ? a : b}. Pick two versions from the list.
              </Alert>
            )}
            {compare?.[0] && compare[1] && <VersionCompare a={compare[0]} b={compare[1]} />}
          </CardContent>
        </Card>

        <Card aria-labelledby="audit-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="audit-title">Audit log</CardTitle>
              <CardDescription>Every change of the champion and challenger aliases: what, from → to, when, who or which rule, why, and the numbers.</CardDescription>
            </div>
            {model.audit.some((e) => e.action === "rollback") && <Badge variant="warning">rolled back before</Badge>}
          </CardHeader>
          <CardContent>
            <AuditTable entries={model.audit} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
