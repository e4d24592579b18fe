import { DownloadIcon, ExternalLinkIcon } from "lucide-react";
import { reportViewHref } from "../../http/report-view-policy.ts";
import { Button } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { artifactHref, formatDateTime } from "../format.ts";

/**
 * The stored HTML report of a drift check in an iframe with an empty sandbox (no scripts, no forms, an opaque
 * origin): whatever the report holds, it cannot reach the app. Its route adds a CSP sandbox of its own.
 */
export function DriftReportCard({ reportKey, datasetTitle, checkedAt }: { reportKey: string; datasetTitle: string; checkedAt: string }) {
  const name = `Drift report of ${datasetTitle}, ${formatDateTime(checkedAt)}`;
  return (
    <Card aria-labelledby="drift-report-title">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="drift-report-title">Drift report</CardTitle>
          <CardDescription>The latest check&rsquo;s self-contained report (histograms, statistics and verdicts), as stored. It opens from disk without a network.</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <a href={artifactHref(reportKey)} download>
              <DownloadIcon aria-hidden />
              Download report
            </a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <a href={reportViewHref(reportKey)} target="_blank" rel="noopener noreferrer">
              <ExternalLinkIcon aria-hidden />
              Open in a new tab
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        <iframe src={reportViewHref(reportKey)} sandbox="" title={name} referrerPolicy="no-referrer" loading="lazy" className="block h-[36rem] w-full rounded-md border border-border" />
      </CardContent>
    </Card>
  );
}
