import Link from "next/link";
import type { VersionDetail } from "../../registry/queries.ts";
import { Badge } from "../components/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { metricCompareRows, paramCompareRows } from "./compare-rows.ts";
import { PrCard, RocCard } from "./curve-cards.tsx";
import { ImportanceCard } from "./explain-cards.tsx";
import { LineageTable } from "./lineage-table.tsx";
import { formatDelta, formatMetric } from "./metric-format.ts";
import { readReport } from "./report-view.ts";

/**
 * Two versions side by side: test-set metrics with deltas (b − a), parameters, importances, ROC and PR curves
 * overlaid, and the training lineage (what changed in the data).
 */
export function VersionCompare({ a, b }: { a: VersionDetail; b: VersionDetail }) {
  const la = `v${a.version}`;
  const lb = `v${b.version}`;
  const ra = readReport(a.metrics);
  const rb = readReport(b.metrics);
  const metrics = metricCompareRows(ra, rb);
  const params = paramCompareRows(a.params, b.params);
  const versions = [{ label: la, report: ra }, { label: lb, report: rb }];
  return (
    <div className="flex flex-col gap-6" data-testid="version-compare">
      <Card aria-labelledby="compare-metrics-title">
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id="compare-metrics-title" as="h3">Metrics: {la} vs {lb}</CardTitle>
            <CardDescription>Each on its own test set. Δ is {lb} − {la}; the better side is marked in the metric's own direction (lower log loss and Brier are better).</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <TableContainer label={`Metrics of ${la} and ${lb}`} className="rounded-md border border-border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Metric</TableHead>
                  <TableHead scope="col" className="text-right">{la}</TableHead>
                  <TableHead scope="col" className="text-right">{lb}</TableHead>
                  <TableHead scope="col" className="text-right">Δ</TableHead>
                  <TableHead scope="col">Better</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {metrics.map((m) => (
                  <TableRow key={m.key}>
                    <TableHead scope="row" className="bg-transparent">{m.label}</TableHead>
                    <TableCell numeric>{formatMetric(m.a)}</TableCell>
                    <TableCell numeric>{formatMetric(m.b)}</TableCell>
                    <TableCell numeric>{formatDelta(m.delta)}</TableCell>
                    <TableCell>{m.better === "a" ? <Badge variant="info">{la}</Badge> : m.better === "b" ? <Badge variant="info">{lb}</Badge> : m.better === "same" ? "same" : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <RocCard versions={versions} />
        <PrCard versions={versions} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="compare-params-title">
          <CardHeader>
            <CardTitle id="compare-params-title" as="h3">Parameters</CardTitle>
          </CardHeader>
          <CardContent>
            <TableContainer label={`Parameters of ${la} and ${lb}`} className="rounded-md border border-border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Parameter</TableHead>
                    <TableHead scope="col">{la}</TableHead>
                    <TableHead scope="col">{lb}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {params.length === 0 && (
                    <TableRow>
                      <TableCell colSpan={3} className="text-muted-foreground">No parameters recorded.</TableCell>
                    </TableRow>
                  )}
                  {params.map((p) => (
                    <TableRow key={p.key} className={p.changed ? "bg-warning-soft" : undefined}>
                      <TableHead scope="row" className="bg-transparent font-mono text-xs">{p.key}</TableHead>
                      <TableCell className="break-all">{p.a}</TableCell>
                      <TableCell className="break-all">{p.b}{p.changed && <span className="sr-only"> (changed)</span>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </CardContent>
        </Card>
        <ImportanceCard versions={[{ label: la, importances: a.importances }, { label: lb, importances: b.importances }]} />
      </div>

      <Card aria-labelledby="compare-lineage-title">
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id="compare-lineage-title" as="h3">What changed in the data</CardTitle>
            <CardDescription>The training data of each version: its hash, feature set and the staging snapshots it was built from. Highlighted rows differ.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <LineageTable caption={`Training lineage of ${la} and ${lb}`} versions={[a, b].map((v) => ({ label: `v${v.version}`, dataHash: v.dataHash, featureSetVersion: v.featureSetVersion, runId: v.runId, snapshots: v.snapshots }))} />
          <p className="mt-3 mb-0 text-sm">
            <Link href={`/models/${encodeURIComponent(a.model.name)}/${a.version}`}>Open {la}</Link> · <Link href={`/models/${encodeURIComponent(b.model.name)}/${b.version}`}>Open {lb}</Link>
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
