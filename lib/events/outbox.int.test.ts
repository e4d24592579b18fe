import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { query, withTransaction } from "../db/sql.ts";
import { resetEnvCache } from "../env.ts";
import { dispatchPendingEvents } from "../pipelines/dispatch-events.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { getRunDetail } from "../pipelines/run-queries.ts";
import { startRun } from "../pipelines/start-run.ts";
import { churnCsv } from "../sources/tabular/testing.ts";
import { resetInngestClient } from "./inngest-client.ts";
import { claimPendingEvents, enqueueEvents, markEventFailed } from "./outbox.ts";

// A stand-in for the Inngest server's event API (POST /e/<key>): refuses while `accept` is false, records what it got.
const inngestApi = { accept: false, received: [] as { id?: string; name: string; data: Record<string, unknown> }[], server: undefined as http.Server | undefined };
let watchDir: string;

beforeAll(async () => {
  inngestApi.server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (!inngestApi.accept) return void res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "event API unavailable", status: 500 }));
      const events = JSON.parse(body) as typeof inngestApi.received;
      inngestApi.received.push(...events);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((e) => e.id ?? "x"), status: 200 }));
    });
  });
  await new Promise<void>((r) => inngestApi.server!.listen(0, "127.0.0.1", r));
  watchDir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-outbox-"));
});
afterAll(async () => {
  await new Promise((r) => inngestApi.server!.close(r));
  fs.rmSync(watchDir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const k of ["INNGEST_DEV", "INNGEST_BASE_URL", "CHURNOPS_WATCH_DIR"]) delete process.env[k];
  resetEnvCache();
  resetInngestClient();
  // Leave no pending event behind for the next test's dispatcher.
  await query("UPDATE ops.outbox_events SET sent_at = now() WHERE sent_at IS NULL");
});

function useInngest(): void {
  const { port } = inngestApi.server!.address() as AddressInfo;
  process.env.INNGEST_DEV = "1";
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${port}`;
  resetEnvCache();
  resetInngestClient();
}

const sha = "ab".repeat(32);
const pending = () => query<{ id: string; name: string; attempts: number; last_error: string | null }>("SELECT id, name, attempts, last_error FROM ops.outbox_events WHERE sent_at IS NULL ORDER BY created_at");

describe("the outbox", () => {
  it("keeps an event only if the transaction that wrote it commits", async () => {
    await expect(
      withTransaction(async (client) => {
        await enqueueEvents([{ name: "churnops/data.changed", data: { path: "rolled/back.csv", sha256: sha } }], { client });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await pending()).toEqual([]);
    await withTransaction((client) => enqueueEvents([{ name: "churnops/data.changed", data: { path: "kept.csv", sha256: sha } }], { client }));
    expect((await pending()).map((e) => e.name)).toEqual(["churnops/data.changed"]);
  });

  it("refuses an event the catalogue does not describe, naming the field", async () => {
    await expect(enqueueEvents([{ name: "churnops/data.changed", data: { path: "x.csv", sha256: "nope" } } as never])).rejects.toThrow(/sha256/);
  });

  it("leases claimed events: a second dispatcher does not get them until released", async () => {
    const [id] = await enqueueEvents([{ name: "churnops/data.changed", data: { path: "lease.csv", sha256: sha } }]);
    expect((await claimPendingEvents(10, { ids: [id] })).map((e) => e.id)).toEqual([id]);
    expect(await claimPendingEvents(10, { ids: [id] })).toEqual([]);
    await markEventFailed(id, "delivery failed");
    expect(await claimPendingEvents(10, { ids: [id] })).toMatchObject([{ id, attempts: 2 }]);
  });

  it("a watchdog run records the hash and the event together; a send that fails keeps it pending, the next dispatch delivers it", async () => {
    fs.writeFileSync(path.join(watchDir, "feed.csv"), churnCsv(12));
    process.env.CHURNOPS_WATCH_DIR = watchDir;
    resetEnvCache();
    const { runId } = await startRun("data-watchdog", {}, "cli", "inline"); // local run; its events go to Inngest
    useInngest();
    process.env.CHURNOPS_WATCH_DIR = watchDir;
    resetEnvCache();
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });

    // The run succeeded and the file's hash is recorded, but Inngest refused the event: it is still pending.
    const [watched] = await query<{ sha256: string }>("SELECT sha256 FROM ops.watched_files WHERE path = $1", [path.join(watchDir, "feed.csv")]);
    expect(watched.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [event] = await pending();
    expect(event).toMatchObject({ name: "churnops/data.changed", attempts: 1 });
    expect(event.last_error).toBeTruthy();
    expect(inngestApi.received).toEqual([]);
    // A second scan sees no change, so only the outbox still knows about this one.
    expect((await getRunDetail(runId))?.steps[0].output).toMatchObject({ changed: 1, events: 1 });

    inngestApi.accept = true;
    const delivered = await dispatchPendingEvents();
    expect(delivered).toEqual([expect.objectContaining({ id: event.id, deliveredTo: "inngest" })]);
    expect(inngestApi.received).toEqual([expect.objectContaining({ id: event.id, name: "churnops/data.changed", data: expect.objectContaining({ path: path.join(watchDir, "feed.csv"), sha256: watched.sha256 }) })]);
    expect(await pending()).toEqual([]);
  });
});
