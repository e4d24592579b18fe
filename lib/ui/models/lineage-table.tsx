import Link from "next/link";
import type { TrainingSnapshot } from "../../registry/types.ts";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { formatCount, shortId } from "../format.ts";

export interface LineageColumn {
  label: string;
  dataHash: string;
  featureSetVersion: string;
  runId: string | null;
  snapshots: readonly TrainingSnapshot[];
}

/**
 * Where a version's training data came from: the data hash, the feature-set version and each run-scoped staging
 * snapshot (table, the run that produced it, rows, checksum). With two versions it answers "what changed in the
 * data": differing cells are marked.
 */
export function LineageTable({ versions, caption }: { versions: readonly LineageColumn[]; caption: string }) {
  const tables = [...new Set(versions.flatMap((v) => v.snapshots.map((s) => s.table)))].sort();
  const differs = (values: string[]) => versions.length > 1 && new Set(values).size > 1;
  const mark = (changed: boolean) => (changed ? "bg-warning-soft" : undefined);
  const hashes = versions.map((v) => v.dataHash);
  const sets = versions.map((v) => v.featureSetVersion);
  return (
    <TableContainer label={caption} className="rounded-md border border-border">
      <Table>
        <caption className="sr-only">{caption}{versions.length > 1 ? "; highlighted rows differ between the versions" : ""}</caption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Input</TableHead>
            {versions.map((v) => (
              <TableHead key={v.label} scope="col">{v.label}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow className={mark(differs(hashes))}>
            <TableHead scope="row" className="bg-transparent">Training data hash</TableHead>
            {versions.map((v) => (
              <TableCell key={v.label} className="font-mono text-xs break-all" title={v.dataHash}>{v.dataHash.slice(0, 16)}…</TableCell>
            ))}
          </TableRow>
          <TableRow className={mark(differs(sets))}>
            <TableHead scope="row" className="bg-transparent">Feature set</TableHead>
            {versions.map((v) => (
              <TableCell key={v.label}>{v.featureSetVersion}</TableCell>
            ))}
          </TableRow>
          <TableRow>
            <TableHead scope="row" className="bg-transparent">Training run</TableHead>
            {versions.map((v) => (
              <TableCell key={v.label}>{v.runId ? <Link href={`/runs/${v.runId}`} className="font-mono text-xs">{shortId(v.runId)}</Link> : "—"}</TableCell>
            ))}
          </TableRow>
          {tables.map((t) => {
            const cells = versions.map((v) => v.snapshots.find((s) => s.table === t) ?? null);
            const changed = differs(cells.map((s) => (s ? `${s.runId}:${s.checksum}` : "none")));
            return (
              <TableRow key={t} className={mark(changed)}>
                <TableHead scope="row" className="bg-transparent font-mono text-xs">{t}</TableHead>
                {cells.map((s, i) => (
                  <TableCell key={versions[i].label} className="text-xs">
                    {s ? (
                      <span className="flex flex-col gap-0.5">
                        <span>
                          snapshot of run <Link href={`/runs/${s.runId}`} className="font-mono">{shortId(s.runId)}</Link>
                        </span>
                        <span className="text-muted-foreground">{formatCount(s.rowCount)} rows · checksum <span className="font-mono">{s.checksum.slice(0, 12)}</span></span>
                      </span>
                    ) : (
                      "not used"
                    )}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
