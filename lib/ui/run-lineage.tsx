import "server-only";
import { Table, TableCaption, TableContainer } from "./components/table.tsx";
import Link from "next/link";
import { getRunLineage, type LineageEntry } from "../lineage/run-lineage.ts";
import { EmptyRow } from "./empty-row.tsx";
import { artifactHref, formatBytes, formatCount, shortId } from "./format.ts";

/** Tables shown on a page of their own rather than on /data. */
const TABLE_PAGES: Readonly<Record<string, string>> = { "ops.bt_crypto_events": "/crypto", "staging.bt_crypto_events_candidate": "/crypto" };

/** Where an entry links: artifacts download, tables open the data page (snapshots are read through lib/lineage). */
function EntryName({ entry }: { entry: LineageEntry }) {
  if (entry.kind === "artifact") {
    return (
      <a href={artifactHref(entry.name)} download>
        <code>{entry.name}</code>
      </a>
    );
  }
  return (
    <Link href={TABLE_PAGES[entry.name] ?? "/data"}>
      <code>{entry.name}</code>
    </Link>
  );
}

function Fingerprint({ entry }: { entry: LineageEntry }) {
  const value = entry.sha256 ?? entry.checksum;
  if (!value) return <>—</>;
  return (
    <span title={`${entry.sha256 ? "SHA-256" : "content checksum"} ${value}`}>
      <code>{value.slice(0, 12)}</code>
    </span>
  );
}

function Row({ entry, direction, runId }: { entry: LineageEntry; direction: "Input" | "Output"; runId: string }) {
  const by = entry.producedByRunId;
  return (
    <tr>
      <td>{direction}</td>
      <td>{entry.kind}</td>
      <td>
        <EntryName entry={entry} />
        {entry.loadedInto ? (
          <>
            {" "}
            → <code>{entry.loadedInto}</code>
          </>
        ) : null}
      </td>
      <td className="num">{entry.rowCount === null ? "—" : formatCount(entry.rowCount)}</td>
      <td className="num">{entry.bytes === null ? "—" : formatBytes(entry.bytes)}</td>
      <td>
        <Fingerprint entry={entry} />
      </td>
      <td>
        {entry.kind === "table" && direction === "Output" ? (
          entry.snapshotTable ? (
            <>
              <code>{entry.snapshotTable}</code>
              {entry.pinned ? " (pinned)" : ""}
            </>
          ) : entry.name.startsWith("staging.") ? (
            "dropped by retention"
          ) : (
            // Only staging tables are snapshotted; a production table merged into is recorded with its checksum only.
            "changed in place"
          )
        ) : by && by !== runId ? (
          <Link href={`/runs/${by}`}>run {shortId(by)}</Link>
        ) : by === runId ? (
          "this run"
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

/** A run's inputs and outputs (lib/lineage): files with their hashes, tables with row counts and checksums. */
export async function RunLineageTable({ runId }: { runId: string }) {
  const lineage = await getRunLineage(runId);
  const empty = lineage.inputs.length === 0 && lineage.outputs.length === 0;
  return (
    <section aria-labelledby="lineage-heading" className="flex min-w-0 flex-col gap-2">
      <h2 id="lineage-heading" className="m-0 text-lg font-semibold">
        Lineage
      </h2>
      {/* The scroll box keeps long keys and hashes from widening the page on a phone. */}
      <TableContainer label="What this run read and wrote" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">What this run read and wrote</TableCaption>
        <thead>
          <tr>
            <th scope="col">Direction</th>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">Rows</th>
            <th scope="col">Size</th>
            <th scope="col">Hash</th>
            <th scope="col">Produced by / snapshot</th>
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <EmptyRow columns={7}>Nothing recorded yet: inputs appear once files are loaded, outputs once they are written.</EmptyRow>
          ) : (
            [
              ...lineage.inputs.map((e) => <Row key={`in:${e.kind}:${e.name}`} entry={e} direction="Input" runId={runId} />),
              ...lineage.outputs.map((e) => <Row key={`out:${e.kind}:${e.name}`} entry={e} direction="Output" runId={runId} />),
            ]
          )}
        </tbody>
      </Table>
      </TableContainer>
    </section>
  );
}
