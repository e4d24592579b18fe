import { EmptyRow } from "./empty-row.tsx";
import Link from "next/link";
import type { IngestedFileView } from "../sources/raw-data-queries.ts";
import { artifactHref, formatBytes, formatCount, formatDateTime, formatDuration, shortId } from "./format.ts";

/** Files loaded into raw.*, newest first, with their hash and a download of the original when it is stored. */
export function IngestedFilesTable({ files }: { files: readonly IngestedFileView[] }) {
  return (
    <table>
      <caption>Ingested files</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">File</th>
          <th scope="col">Table</th>
          <th scope="col">Rows</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Load time</th>
          <th scope="col">Loaded at</th>
          <th scope="col">Run</th>
          <th scope="col">Download</th>
        </tr>
      </thead>
      <tbody>
        {files.length === 0 ? (
          <EmptyRow columns={10}>No files have been loaded yet. Run “E-learning sample data” on the Pipelines page to load some.</EmptyRow>
        ) : (
          files.map((f) => (
            <tr key={f.id}>
              <td>{f.source}</td>
              <td>{f.name}</td>
              <td>
                <code>{f.tableName}</code>
              </td>
              <td className="num">{formatCount(f.rows)}</td>
              <td className="num" title={`${f.bytes} bytes`}>
                {formatBytes(f.bytes)}
              </td>
              <td title={f.sha256}>
                <code>{f.sha256.slice(0, 12)}</code>
              </td>
              <td className="nowrap">{formatDuration(f.durationMs)}</td>
              <td className="nowrap">{formatDateTime(f.createdAt)}</td>
              <td>{f.runId ? <Link href={`/runs/${f.runId}`}>{shortId(f.runId)}</Link> : "—"}</td>
              <td>
                {f.artifactKey ? (
                  <a href={artifactHref(f.artifactKey)} download aria-label={`Download ${f.name} (${shortId(f.id)})`}>
                    Download
                  </a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
