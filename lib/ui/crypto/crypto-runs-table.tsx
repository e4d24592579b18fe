import Link from "next/link";
import type { CryptoRunView, CryptoSuiteResult } from "../../sources/crypto/crypto-queries.ts";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableEmpty, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { DqStatusBadge } from "../dq-status-badge.tsx";
import { formatCount, formatDateTime } from "../format.ts";
import { rejectsHref } from "../rejects-href.ts";
import { RunLink } from "../run-link.tsx";
import { StatusBadge } from "../status-badge.tsx";

/** One suite's result in a run: its status (linking the validation report) and its rejects of that run. */
function SuiteCell({ runId, result }: { runId: string; result: CryptoSuiteResult | undefined }) {
  if (!result) return <span className="text-muted-foreground">not run</span>;
  return (
    <div className="flex flex-col items-start gap-1">
      <Link href={`/data/quality/${result.dqRunId}`} aria-label={`Validation report ${result.suite} of run ${runId.slice(0, 8)}: ${result.status}`}>
        <DqStatusBadge status={result.status} />
      </Link>
      <span className="text-xs text-muted-foreground whitespace-nowrap">
        {result.rejectedRows > 0 ? (
          <Link href={rejectsHref({ suite: result.suite, runId })}>{formatCount(result.rejectedRows)} rejected</Link>
        ) : (
          "0 rejected"
        )}{" "}
        of {formatCount(result.rowCount)}
      </span>
    </div>
  );
}

/** What the merge did, or why there was none (a failed run never reaches it: production is untouched). */
function MergeCell({ run }: { run: CryptoRunView }) {
  if (run.merge) {
    const m = run.merge;
    return (
      <span className="whitespace-nowrap">
        +{formatCount(m.inserted)} new, {formatCount(m.updated)} changed, {formatCount(m.deactivated)} deactivated
      </span>
    );
  }
  return <span className="text-muted-foreground">{run.status === "failed" ? "no merge: production untouched" : "—"}</span>;
}

/** The last runs with their window and per-suite results. */
export function CryptoRunsTable({ runs, suites }: { runs: readonly CryptoRunView[]; suites: readonly string[] }) {
  return (
    <TableContainer label="Last runs" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">Last runs</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Run</TableHead>
            <TableHead scope="col">Status</TableHead>
            <TableHead scope="col">Started</TableHead>
            <TableHead scope="col">Window</TableHead>
            {suites.map((s) => (
              <TableHead key={s} scope="col">
                {s.replace(/^crypto\./, "")}
              </TableHead>
            ))}
            <TableHead scope="col">Production</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.length === 0 ? (
            <TableEmpty columns={5 + suites.length}>No runs yet.</TableEmpty>
          ) : (
            runs.map((r) => (
              <TableRow key={r.id}>
                <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                  <RunLink runId={r.id} />
                </th>
                <TableCell>
                  <StatusBadge status={r.status} label={r.failureKind === "data_gate" ? "failed: data gate" : undefined} />
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(r.createdAt)}</TableCell>
                <TableCell className="whitespace-nowrap">{r.window ? `${r.window.start} – ${r.window.end}` : "—"}</TableCell>
                {suites.map((s) => (
                  <TableCell key={s}>
                    <SuiteCell runId={r.id} result={r.suites.find((x) => x.suite === s)} />
                  </TableCell>
                ))}
                <TableCell>
                  <MergeCell run={r} />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
