import type pg from "pg";
import { getDb } from "./client.ts";

export type Queryable = Pick<pg.PoolClient, "query">;

/** One raw-SQL helper for set-based work: typed rows out. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
  client?: Queryable,
): Promise<R[]> {
  const target = client ?? (await getDb()).pool;
  const result = await target.query<R>(text, params);
  return result.rows;
}

/**
 * Runs fn inside one transaction on one connection. On the embedded engine other connections wait until it
 * commits, so fn must never await work on another connection (it would wait forever).
 */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { pool } = await getDb();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Quotes an identifier such as raw.elearning_events ("raw"."elearning_events"). */
export function ident(qualified: string): string {
  return qualified
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");
}
