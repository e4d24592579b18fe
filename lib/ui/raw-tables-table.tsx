import type { RawTableCount } from "../sources/raw-data-queries.ts";
import { formatCount } from "./format.ts";

/** Each raw table with its exact row count. */
export function RawTablesTable({ counts }: { counts: readonly RawTableCount[] }) {
  return (
    <table className="compact">
      <caption>Raw tables</caption>
      <thead>
        <tr>
          <th scope="col">Table</th>
          <th scope="col">Rows</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.table}>
            <th scope="row">
              <code>{c.table}</code>
            </th>
            <td className="num" title={String(c.rows)}>
              {formatCount(c.rows)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
