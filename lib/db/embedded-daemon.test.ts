import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedLock } from "./embedded-lock.ts";
import { isProcessAlive, liveOwner } from "./embedded-lock.ts";
import { startEmbeddedDaemon, stopEmbeddedDaemon } from "./embedded-daemon.ts";
import { embeddedUrl } from "./embedded-server.ts";

const bin = path.resolve("bin/churnops.mjs");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startEmbeddedDaemon", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-daemon-"));
  const dir = path.join(home, "pglite");
  const saved = { ...process.env };
  let owner: EmbeddedLock;
  // Opening a fresh folder (initdb) is the slow part, as in embedded-server.test.ts: it belongs in the hook.
  beforeAll(async () => {
    // The child inherits process.env: the embedded default for this folder, and an idle limit of ~2 s.
    Object.assign(process.env, { CHURNOPS_HOME: home, CHURNOPS_PGLITE_DIR: dir, CHURNOPS_DAEMON_IDLE_MIN: "0.03", DATABASE_URL: "" });
    owner = await startEmbeddedDaemon(dir, [process.execPath, bin, "db", "daemon"], path.join(home, "logs", "embedded-db.log"));
  });
  afterAll(async () => {
    await stopEmbeddedDaemon(dir);
    process.env = saved;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("serves the folder from a detached daemon that owns it through the lock and exits when idle", async () => {
    expect(owner).toMatchObject({ kind: "daemon", socketDir: dir });
    expect(owner.pid).not.toBe(process.pid);
    expect(liveOwner(dir)?.pid).toBe(owner.pid);

    // A client connection keeps it alive past its idle limit...
    const c = new pg.Client({ connectionString: embeddedUrl(owner.socketDir!) });
    await c.connect();
    await sleep(4000);
    expect((await c.query("SELECT 2 * 21 AS x")).rows[0].x).toBe(42);
    expect(isProcessAlive(owner.pid)).toBe(true);
    await c.end();

    // ...and once the last one is gone it releases the folder by itself.
    for (let i = 0; i < 200 && isProcessAlive(owner.pid); i++) await sleep(100);
    expect(isProcessAlive(owner.pid)).toBe(false);
    expect(liveOwner(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, ".s.PGSQL.5432"))).toBe(false);
  });
});
