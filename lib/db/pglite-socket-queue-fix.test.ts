import { describe, expect, it } from "vitest";
import { BACKGROUND_APP_PREFIX, fixQueryInterleaving, pickNext, startupApplicationName, type SchedulePolicy } from "./pglite-socket-queue-fix.ts";

/** A protocol-3.0 StartupMessage with these parameters, as pg sends it. */
function startup(params: Record<string, string>): Uint8Array {
  const body = Buffer.from(Object.entries(params).map(([k, v]) => `${k}\0${v}\0`).join("") + "\0");
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(196608, 4);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** A simple-protocol Query message. */
function query(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`);
  const head = Buffer.alloc(5);
  head[0] = 0x51;
  head.writeInt32BE(4 + body.length, 1);
  return new Uint8Array(Buffer.concat([head, body]));
}

const textOf = (m: Uint8Array) => (m[0] === 0x51 ? Buffer.from(m.subarray(5, m.length - 1)).toString() : "startup");

/**
 * pglite-socket's queue around a stand-in session that records what it executes (each message takes `execMs`):
 * the same object shape the fix patches, driven the way its socket handlers drive it (push, then processQueue).
 */
function fakeQueue(policy: SchedulePolicy, execMs = 0) {
  const executed: string[] = [];
  const queue = {
    queue: [] as { handlerId: number; timestamp: number; message: Uint8Array; resolve(n: number): void; reject(e: Error): void; onData(d: Uint8Array): void }[],
    processing: false,
    lastHandlerId: null as number | null,
    db: {
      isInTransaction: () => false,
      runExclusive: <T>(fn: () => Promise<T>) => fn(),
      async execProtocolRawStream(message: Uint8Array) {
        if (execMs) await new Promise((r) => setTimeout(r, execMs));
        executed.push(textOf(message));
      },
    },
    async processQueue() {},
    clearQueueForHandler() {},
  };
  fixQueryInterleaving({ queryQueue: queue }, { policy });
  const send = (handlerId: number, message: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      queue.queue.push({ handlerId, timestamp: Date.now(), message, resolve: () => resolve(), reject, onData: () => {} });
      void queue.processQueue();
    });
  return { executed, send };
}

const RUN = 1;
const PAGE = 2;

describe("startupApplicationName", () => {
  it("reads application_name from a startup message, and nothing from other messages", () => {
    expect(startupApplicationName(startup({ user: "postgres", application_name: `${BACKGROUND_APP_PREFIX} r1`, database: "postgres" }))).toBe(`${BACKGROUND_APP_PREFIX} r1`);
    expect(startupApplicationName(startup({ user: "postgres", database: "postgres" }))).toBe("");
    expect(startupApplicationName(query("SELECT 1"))).toBeUndefined();
  });
});

describe("pickNext", () => {
  const bg = new Set([RUN]);
  const policy = { maxWaitMs: 250, quietMs: 15 };
  it("runs a page's message before a run's message queued earlier", () => {
    expect(pickNext([{ handlerId: RUN, timestamp: 1000 }, { handlerId: PAGE, timestamp: 1001 }], bg, 1010, 1005, policy)).toEqual({ index: 1 });
  });
  it("lets a run's message wait while pages were answered moments ago, and go once they are quiet", () => {
    expect(pickNext([{ handlerId: RUN, timestamp: 1000 }], bg, 1010, 1005, policy)).toEqual({ retryInMs: 10 });
    expect(pickNext([{ handlerId: RUN, timestamp: 1000 }], bg, 1030, 1005, policy)).toEqual({ index: 0 });
  });
  it("runs a run's message that has waited maxWaitMs even while pages wait", () => {
    expect(pickNext([{ handlerId: RUN, timestamp: 1000 }, { handlerId: PAGE, timestamp: 1200 }], bg, 1250, 1249, policy)).toEqual({ index: 0 });
    expect(pickNext([{ handlerId: RUN, timestamp: 1000 }], bg, 1245, 1244, policy)).toEqual({ retryInMs: 5 });
  });
  it("keeps first-come order among connections of one kind, and has nothing to do on an empty queue", () => {
    expect(pickNext([{ handlerId: 3, timestamp: 1 }, { handlerId: PAGE, timestamp: 0 }], bg, 10, 0, policy)).toEqual({ index: 0 });
    expect(pickNext([], bg, 10, 0, policy)).toBeNull();
  });
});

describe("fixQueryInterleaving scheduling", () => {
  it("serves a page's query that arrives in the same turn as a run's next statement first", async () => {
    const { executed, send } = fakeQueue({ maxWaitMs: 250, quietMs: 1 });
    await send(RUN, startup({ user: "postgres", application_name: `${BACKGROUND_APP_PREFIX} r1` }));
    await send(PAGE, query("SELECT earlier")); // a dashboard is being answered
    // Both read from their sockets in one turn of the event loop, the run's first (as after a long statement).
    const run = send(RUN, query("INSERT run chunk"));
    const page = send(PAGE, query("SELECT page"));
    await Promise.all([run, page]);
    expect(executed).toEqual(["startup", "SELECT earlier", "SELECT page", "INSERT run chunk"]);
  });

  it("connections without the run prefix keep first-come order", async () => {
    const { executed, send } = fakeQueue({ maxWaitMs: 250, quietMs: 1 });
    await send(3, startup({ user: "postgres", application_name: "psql" }));
    await Promise.all([send(3, query("A")), send(PAGE, query("B"))]);
    expect(executed).toEqual(["startup", "A", "B"]);
  });

  it("never starves a run: its statement goes after maxWaitMs while pages keep the session busy", async () => {
    const { executed, send } = fakeQueue({ maxWaitMs: 30, quietMs: 1000 }, 1);
    await send(RUN, startup({ user: "postgres", application_name: `${BACKGROUND_APP_PREFIX} r1` }));
    let pages = 0;
    let stop = false;
    // Two page connections that always have a query waiting, for far longer than maxWaitMs.
    const busy = [PAGE, PAGE + 1].map(async (id) => {
      while (!stop && pages < 400) {
        pages++;
        await send(id, query("SELECT page"));
      }
    });
    await send(RUN, query("INSERT run chunk"));
    const pagesBeforeRun = executed.indexOf("INSERT run chunk") - 1;
    stop = true;
    await Promise.all(busy);
    expect(pagesBeforeRun).toBeGreaterThan(0); // it did wait for pages
    expect(pagesBeforeRun).toBeLessThan(pages); // and did not wait for all of them
  });
});
