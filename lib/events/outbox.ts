import crypto from "node:crypto";
import { query, type Queryable } from "../db/sql.ts";
import { parseEvent, type ChurnopsEvent } from "./event-catalog.ts";

// The transactional outbox: an event is written in the same transaction as the change it announces, and marked
// sent only after Inngest or the local dispatcher accepted it. A failed delivery leaves it pending for the next
// dispatch, so an event is delivered at least once (the row id is the Inngest event id, which Inngest deduplicates).

export interface OutboxRow {
  id: string;
  name: string;
  data: Record<string, unknown>;
  runId: string | null;
  attempts: number;
}

/** How long a dispatcher may hold claimed rows before another may take them (it holds no transaction meanwhile). */
export const CLAIM_LEASE_SECONDS = 60;

/** Writes events as pending; pass the transaction's client to make them part of it. Returns their ids. */
export async function enqueueEvents(events: readonly ChurnopsEvent[], options: { runId?: string | null; client?: Queryable } = {}): Promise<string[]> {
  if (!events.length) return [];
  const valid = events.map(parseEvent);
  const ids = valid.map(() => crypto.randomUUID());
  await query(
    `INSERT INTO ops.outbox_events (id, name, data, run_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::uuid[])`,
    [ids, valid.map((e) => e.name), valid.map((e) => JSON.stringify(e.data)), valid.map(() => options.runId ?? null)],
    options.client,
  );
  return ids;
}

/**
 * Claims up to `limit` pending events in one statement (a lease, not a lock: on the embedded engine a transaction
 * held open while delivering would stall every other connection). Oldest first.
 */
export async function claimPendingEvents(limit = 50, filter: { runId?: string; ids?: readonly string[] } = {}): Promise<OutboxRow[]> {
  const rows = await query<{ id: string; name: string; data: Record<string, unknown>; run_id: string | null; attempts: number }>(
    `UPDATE ops.outbox_events o
        SET claimed_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
      WHERE o.id IN (
        SELECT id FROM ops.outbox_events
         WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
           AND ($3::uuid IS NULL OR run_id = $3::uuid)
           AND ($4::uuid[] IS NULL OR id = ANY($4::uuid[]))
         ORDER BY created_at, id
         LIMIT $1)
        AND o.sent_at IS NULL
      RETURNING o.id, o.name, o.data, o.run_id, o.attempts`,
    [limit, CLAIM_LEASE_SECONDS, filter.runId ?? null, filter.ids ? [...filter.ids] : null],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, data: r.data, runId: r.run_id, attempts: r.attempts }));
}

export async function markEventSent(id: string, deliveredTo: "inngest" | "local", startedRuns: readonly string[] = []): Promise<void> {
  await query(
    `UPDATE ops.outbox_events SET sent_at = now(), claimed_until = NULL, last_error = NULL, delivered_to = $2, started_runs = $3::jsonb
      WHERE id = $1`,
    [id, deliveredTo, JSON.stringify(startedRuns)],
  );
}

/** Releases the lease at once so the next dispatch retries it (the error is kept for the dashboard). */
export async function markEventFailed(id: string, error: string): Promise<void> {
  await query(`UPDATE ops.outbox_events SET claimed_until = NULL, last_error = $2 WHERE id = $1 AND sent_at IS NULL`, [id, error.slice(0, 2000)]);
}
