// Workaround for @electric-sql/pglite-socket 0.2.17 (read from its source, dist/chunk-4D4OME7M.js):
// 1. Its QueryQueueManager serialises single protocol *messages* and pins a connection only inside an explicit
//    transaction. pg and Prisma use the extended protocol (Parse/Bind/Describe/Execute/Sync) for every
//    parameterised query, and PGlite is one session, so two connections interleave into one unnamed statement:
//    "bind message supplies 3 parameters, but prepared statement "" requires 5" (seen with two worker processes).
// 2. On an execution error processQueue returns without clearing `processing`, so every later query hangs
//    (the "after a failed COPY every connection hangs" fact in ARCHITECTURE §5).
// This replaces processQueue: a connection stays pinned from its first extended-protocol message until its Sync
// (and for the whole of an open transaction, as before); errors never wedge the queue; a connection that drops
// mid-sequence gets a Sync sent on its behalf so the session leaves the half-finished extended query.
//
// It also schedules: a connection whose startup message names an application_name starting with
// BACKGROUND_APP_PREFIX (a run's worker process, see spawn-local-worker.ts) is batch work. Whenever the session is
// free, a waiting message of any other connection (a dashboard page, the CLI) goes first; a background message goes
// when nothing else waits, or once it has waited BACKGROUND_MAX_WAIT_MS, so a run is slowed by a busy dashboard but
// never stopped. A page therefore waits behind at most the one run statement in progress, not behind every
// statement queued before it.

interface QueuedMessage {
  handlerId: number;
  timestamp: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(e: Error): void;
  onData(data: Uint8Array): void;
}

interface PgliteLike {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, opts: { onRawData(data: Uint8Array): void }): Promise<unknown>;
}

interface QueueInternals {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PgliteLike;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
  pinnedHandlerId?: number | null;
}

// Frontend messages that continue an extended-protocol sequence or a COPY: the session stays with their sender.
const CONTINUES = new Set(["P", "B", "D", "E", "C", "H", "d"].map((c) => c.charCodeAt(0)));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const PROTOCOL_3 = 196608;

/** application_name prefix of connections whose work yields to everybody else's (PGAPPNAME of run workers). */
export const BACKGROUND_APP_PREFIX = "churnops-run";
/** The longest a background message waits while other connections keep the session busy. */
export const BACKGROUND_MAX_WAIT_MS = 250;

/** The application_name a StartupMessage carries (length, protocol 3.0, then name\0value\0 pairs), if it is one. */
export function startupApplicationName(message: Uint8Array): string | undefined {
  if (message.length < 8 || new DataView(message.buffer, message.byteOffset).getInt32(4) !== PROTOCOL_3) return undefined;
  const parts = Buffer.from(message.subarray(8)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "application_name") return parts[i + 1];
  return "";
}

export interface SchedulePolicy {
  /** The longest a background message waits while other connections keep the session busy. */
  maxWaitMs: number;
  /** A background message waits until no foreground message has run for this long (their next one is on its way). */
  quietMs: number;
}

/** Foreground work this recent makes a run's statement wait one event-loop turn before it starts. */
const ACTIVE_FOREGROUND_MS = 1000;

export const DEFAULT_POLICY: SchedulePolicy = { maxWaitMs: BACKGROUND_MAX_WAIT_MS, quietMs: 15 };

/**
 * What to run next when no connection holds the session: the queue index of the first foreground message; else the
 * first background message once foreground work has been quiet for `quietMs` (a page's queries come in waves: the
 * next wave is sent a few ms after the last answer, and one run statement started in between would hold the session
 * for tens of ms); a background message that has waited `maxWaitMs` goes first in any case. `{ retryInMs }` when a
 * background message should wait a little longer; null when the queue is empty.
 */
export function pickNext(
  queue: readonly Pick<QueuedMessage, "handlerId" | "timestamp">[],
  background: ReadonlySet<number>,
  now: number,
  lastForegroundAt: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): { index: number } | { retryInMs: number } | null {
  const firstBackground = queue.findIndex((m) => background.has(m.handlerId));
  const aged = firstBackground !== -1 && now - queue[firstBackground].timestamp >= policy.maxWaitMs;
  if (aged) return { index: firstBackground };
  const firstForeground = queue.findIndex((m) => !background.has(m.handlerId));
  if (firstForeground !== -1) return { index: firstForeground };
  if (firstBackground === -1) return null;
  const quietFor = now - lastForegroundAt;
  if (quietFor >= policy.quietMs) return { index: firstBackground };
  return { retryInMs: Math.max(1, Math.min(policy.quietMs - quietFor, policy.maxWaitMs - (now - queue[firstBackground].timestamp))) };
}

const textOf = (message: Uint8Array, from: number) => {
  const end = message.indexOf(0, from);
  return Buffer.from(message.subarray(from, end === -1 ? undefined : end)).toString("utf8");
};

/** The SQL a message carries (Query, or Parse after its statement name), for the slow-statement log. */
function sqlOf(message: Uint8Array): string | undefined {
  if (message[0] === 0x51) return textOf(message, 5); // 'Q'
  if (message[0] === 0x50) return textOf(message, message.indexOf(0, 5) + 1); // 'P': name\0 query\0
  return undefined;
}

export interface QueueFixOptions {
  /** Called when one message held the single PGlite session at least `slowMs` (every other connection waited). */
  onSlow?(ms: number, sql: string): void;
  /** Called when a transaction held the session at least `slowMs` from its first statement to its end. */
  onSlowTransaction?(ms: number, firstSql: string): void;
  slowMs?: number;
  /** How run connections yield to the rest (tests shorten it). */
  policy?: SchedulePolicy;
}

export function fixQueryInterleaving(server: unknown, opts: QueueFixOptions = {}): void {
  const q = (server as { queryQueue?: QueueInternals }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket internals changed: re-check lib/db/pglite-socket-queue-fix.ts against the new version");
  }
  q.pinnedHandlerId = null;
  const lastSql = new Map<number, string>();
  const background = new Set<number>();
  let transaction: { since: number; sql: string } | null = null;
  let lastForegroundAt = -Infinity;
  let retry: NodeJS.Timeout | undefined;
  let deferred: QueuedMessage | undefined;
  const timed = Boolean(opts.onSlow || opts.onSlowTransaction);

  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId != null ? this.lastHandlerId : this.pinnedHandlerId;
        let index: number;
        if (owner != null) {
          index = this.queue.findIndex((m) => m.handlerId === owner);
          if (index === -1) break; // the owner's next message has not arrived yet; enqueue() restarts us
        } else {
          const next = pickNext(this.queue, background, Date.now(), lastForegroundAt, opts.policy);
          if (!next) break;
          if ("retryInMs" in next) {
            // Yield the event loop (the foreground's next queries arrive through it) and look again.
            retry ??= setTimeout(() => ((retry = undefined), void this.processQueue()), next.retryInMs).unref();
            break;
          }
          index = next.index;
          const candidate = this.queue[index];
          if (background.has(candidate.handlerId) && deferred !== candidate && Date.now() - lastForegroundAt < ACTIVE_FOREGROUND_MS) {
            // One event-loop turn first: queries that arrived while the last statement ran are read (and queued)
            // only now, after the run's own next statement, which would otherwise start before them. Only while
            // pages are being answered: a run with nobody looking pays nothing.
            deferred = candidate;
            setImmediate(() => void this.processQueue());
            break;
          }
          deferred = undefined;
        }
        const [item] = this.queue.splice(index, 1);
        const app = startupApplicationName(item.message);
        if (app?.startsWith(BACKGROUND_APP_PREFIX)) background.add(item.handlerId);
        let bytes = 0;
        const sql = timed ? sqlOf(item.message) : undefined;
        if (sql !== undefined) lastSql.set(item.handlerId, sql);
        const started = timed ? performance.now() : 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, { onRawData: (data) => ((bytes += data.length), item.onData(data)) }),
          );
        } catch (e) {
          this.pinnedHandlerId = null;
          item.reject(e as Error);
          continue;
        }
        if (opts.onSlow) {
          const ms = performance.now() - started;
          if (ms >= (opts.slowMs ?? 250)) opts.onSlow(ms, lastSql.get(item.handlerId) ?? `(message ${String.fromCharCode(item.message[0])})`);
        }
        if (opts.onSlowTransaction) {
          const open = this.db.isInTransaction();
          if (open && !transaction) transaction = { since: started, sql: lastSql.get(item.handlerId) ?? "" };
          if (!open && transaction) {
            const ms = performance.now() - transaction.since;
            if (ms >= (opts.slowMs ?? 250)) opts.onSlowTransaction(ms, transaction.sql);
            transaction = null;
          }
        }
        if (!background.has(item.handlerId)) lastForegroundAt = Date.now();
        this.lastHandlerId = item.handlerId;
        this.pinnedHandlerId = CONTINUES.has(item.message[0]) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = function clearQueueForHandler(this: QueueInternals, handlerId: number) {
    clear(handlerId);
    lastSql.delete(handlerId);
    background.delete(handlerId);
    if (this.pinnedHandlerId !== handlerId) return;
    this.pinnedHandlerId = null;
    void this.db
      .runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => {} }))
      .catch(() => {})
      .finally(() => void this.processQueue());
  };
}
