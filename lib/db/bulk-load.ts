import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DbEngine } from "./client.ts";
import { ident } from "./sql.ts";

export interface LoadColumn {
  column: string;
  pgType: string;
}

/** Column-major values: columns[i][r] is row r of column i. */
export interface ColumnBatch {
  columns: readonly (readonly unknown[])[];
  length: number;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "string" ? value : String(value); // numbers: shortest round-trip form
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (ch) => (ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r"));
}

async function loadWithCopy(client: pg.PoolClient, table: string, columns: readonly LoadColumn[], batches: AsyncIterable<ColumnBatch>, signal?: AbortSignal): Promise<number> {
  const names = columns.map((c) => ident(c.column)).join(", ");
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${names}) FROM STDIN`));
  let failure: unknown;
  stream.on("error", (e) => (failure ??= e));
  let rows = 0;
  try {
    for await (const batch of batches) {
      if (failure) throw failure;
      signal?.throwIfAborted();
      const lines: string[] = new Array(batch.length);
      for (let r = 0; r < batch.length; r++) {
        let line = copyText(batch.columns[0][r]);
        for (let c = 1; c < columns.length; c++) line += "\t" + copyText(batch.columns[c][r]);
        lines[r] = line;
      }
      if (!stream.write(lines.join("\n") + "\n")) await once(stream, "drain");
      rows += batch.length;
    }
    stream.end();
    await finished(stream);
  } catch (e) {
    // Abort the COPY (the server rolls it back) and report the first cause.
    stream.destroy(e as Error);
    await finished(stream).catch(() => {});
    throw failure ?? e;
  }
  return rows;
}

async function loadWithUnnest(client: pg.PoolClient, table: string, columns: readonly LoadColumn[], batches: AsyncIterable<ColumnBatch>, signal?: AbortSignal): Promise<number> {
  const names = columns.map((c) => ident(c.column)).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(", ");
  const sql = `INSERT INTO ${ident(table)} (${names}) SELECT * FROM unnest(${arrays})`;
  let rows = 0;
  for await (const batch of batches) {
    signal?.throwIfAborted();
    await client.query(sql, batch.columns as unknown[]);
    rows += batch.length;
  }
  return rows;
}

/**
 * Appends rows to a table on the given connection (call it inside the caller's transaction). COPY on real
 * Postgres; batched INSERT ... SELECT FROM unnest(...) on the embedded engine, where COPY FROM STDIN over the
 * socket breaks the protocol (ARCHITECTURE §5).
 */
export function bulkLoad(
  client: pg.PoolClient,
  engine: DbEngine,
  table: string,
  columns: readonly LoadColumn[],
  batches: AsyncIterable<ColumnBatch>,
  signal?: AbortSignal,
): Promise<number> {
  return engine === "postgres"
    ? loadWithCopy(client, table, columns, batches, signal)
    : loadWithUnnest(client, table, columns, batches, signal);
}
