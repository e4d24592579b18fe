import { BitcoinIcon, ShieldCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { runActivity } from "../../lib/overview/run-wait.ts";
import { CRYPTO_PIPELINE_ID, EVENTS_TABLE, WINDOW_DAYS } from "../../lib/sources/crypto/crypto-contract.ts";
import { cryptoProduction, recentCryptoRuns, rejectReasonsOf, SHOWN_DAYS } from "../../lib/sources/crypto/crypto-queries.ts";
import { RAW_HISTORY_SUITE, STAGING_CANDIDATE_SUITE } from "../../lib/sources/crypto/crypto-suites.ts";
import { Button } from "../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../lib/ui/components/card.tsx";
import { EmptyState } from "../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { Stat } from "../../lib/ui/components/stat.tsx";
import { CryptoRunsTable } from "../../lib/ui/crypto/crypto-runs-table.tsx";
import { ProductionCountsTable } from "../../lib/ui/crypto/production-counts-table.tsx";
import { RejectReasonsTable } from "../../lib/ui/crypto/reject-reasons-table.tsx";
import { formatCount } from "../../lib/ui/format.ts";
import { LiveRefresh } from "../../lib/ui/live-refresh.tsx";
import { rejectsHref } from "../../lib/ui/rejects-href.ts";
import { RunPipelineForm } from "../../lib/ui/run-pipeline-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Crypto purchase events" };

const SUITES = [
  { name: RAW_HISTORY_SUITE, checks: "columns, known sites and crypto types, dates in a known layout, numbers that are not negative" },
  { name: STAGING_CANDIDATE_SUITE, checks: "a parsed date inside the window, value = price × units, positive amounts, one row per site, user, day and type" },
] as const;

export default async function CryptoPage() {
  // Read first: a run finishing while the page renders then triggers one more refresh, never a half-updated page.
  const activity = await runActivity();
  const [production, runs] = await Promise.all([cryptoProduction(), recentCryptoRuns()]);
  const latest = runs[0];
  const reasons = latest ? await rejectReasonsOf(latest.id) : [];
  const header = (
    <>
      <LiveRefresh activity={activity} />
      <PageHeader
        title="Crypto purchase events"
        description={
          <>
            Each run takes in the last {WINDOW_DAYS} days of crypto purchases, validates them in two suites and only then merges them into{" "}
            <code>{EVENTS_TABLE}</code> in one transaction. A failed suite stops the run before the merge; purchases that vanished from the window are
            marked inactive, never deleted.
          </>
        }
        actions={
          <>
            <RunPipelineForm pipelineId={CRYPTO_PIPELINE_ID} title="Crypto purchase events" fields={[]} label="Run now" />
            <Button asChild variant="outline">
              <Link href={rejectsHref({ source: "crypto" })}>Rejected rows</Link>
            </Button>
          </>
        }
      />
    </>
  );
  if (!latest) {
    return (
      <>
        {header}
        <EmptyState icon={BitcoinIcon} title="No crypto runs yet">
          Press “Run now” (or run <code>churnops run crypto-events</code> in a terminal): the first run generates the last {WINDOW_DAYS} days of
          purchases, validates them and fills the production table. It also runs every day at 03:15 UTC.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="flex min-w-0 flex-col gap-6">
        <Card aria-labelledby="crypto-production-title">
          <CardHeader>
            <div>
              <CardTitle id="crypto-production-title">Production rows</CardTitle>
              <CardDescription>
                Rows of <code>{EVENTS_TABLE}</code> per purchase day and crypto type (the newest {SHOWN_DAYS} days). Inactive rows vanished from the source
                inside a run&apos;s window; they are kept.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Active rows" value={formatCount(production.active)} />
              <Stat label="Inactive rows" value={formatCount(production.inactive)} tone={production.inactive > 0 ? "warning" : "default"} />
              <Stat label="Purchase days" value={formatCount(production.days)} />
              <Stat label="Raw history rows" value={formatCount(production.historyRows)} hint={production.newestBatch ? `newest batch ${production.newestBatch}` : undefined} />
            </div>
            <ProductionCountsTable counts={production.counts} />
          </CardContent>
        </Card>
        <Card aria-labelledby="crypto-runs-title">
          <CardHeader>
            <div>
              <CardTitle id="crypto-runs-title">Last runs</CardTitle>
              <CardDescription>Newest first, with each suite&apos;s result (it opens the validation report) and what the merge changed.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <CryptoRunsTable runs={runs} suites={SUITES.map((s) => s.name)} />
          </CardContent>
        </Card>
        <Card aria-labelledby="crypto-rejects-title">
          <CardHeader>
            <div>
              <CardTitle id="crypto-rejects-title">Rejected rows</CardTitle>
              <CardDescription>Rows a suite set aside, with the reason; they never reach production.</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ul className="m-0 flex list-none flex-col gap-2 p-0">
              {SUITES.map((s) => (
                <li key={s.name} className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <ShieldCheckIcon aria-hidden className="size-4 shrink-0 self-center text-muted-foreground" />
                  <Link href={rejectsHref({ suite: s.name })}>
                    All rejected rows of <code>{s.name}</code>
                  </Link>
                  <span className="text-muted-foreground">checks {s.checks}</span>
                </li>
              ))}
            </ul>
            <RejectReasonsTable runId={latest.id} reasons={reasons} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
