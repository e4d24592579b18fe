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

interface QueuedMessage {
  handlerId: number;
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
  slowMs?: number;
}

export function fixQueryInterleaving(server: unknown, opts: QueueFixOptions = {}): void {
  const q = (server as { queryQueue?: QueueInternals }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket internals changed: re-check lib/db/pglite-socket-queue-fix.ts against the new version");
  }
  q.pinnedHandlerId = null;
  const lastSql = new Map<number, string>();

  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId != null ? this.lastHandlerId : this.pinnedHandlerId;
        const index = owner == null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet; enqueue() restarts us
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        const sql = opts.onSlow ? sqlOf(item.message) : undefined;
        if (sql !== undefined) lastSql.set(item.handlerId, sql);
        const started = opts.onSlow ? performance.now() : 0;
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
    if (this.pinnedHandlerId !== handlerId) return;
    this.pinnedHandlerId = null;
    void this.db
      .runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => {} }))
      .catch(() => {})
      .finally(() => void this.processQueue());
  };
}
