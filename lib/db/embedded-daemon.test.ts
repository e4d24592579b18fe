import { spawn, spawnSync } from "node:child_process";
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

describe("a quick CLI command (churnops runs) on an unowned folder", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-quick-"));
  const dir = path.join(home, "pglite");
  const env = { ...process.env, CHURNOPS_HOME: home, CHURNOPS_PGLITE_DIR: dir, CHURNOPS_DAEMON_IDLE_MIN: "0.5", DATABASE_URL: "" };
  beforeAll(() => {
    // A migrated folder that nobody serves (initdb and migrations are the slow part: they belong in the hook).
    for (const args of [["db", "migrate"], ["db", "stop"]]) {
      const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`churnops ${args.join(" ")}: ${r.stderr}`);
    }
  });
  afterAll(async () => {
    await stopEmbeddedDaemon(dir);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("answers from the folder itself without publishing its socket, then leaves the daemon serving it", async () => {
    expect(liveOwner(dir)).toBeNull();
    // Two at once: the second must wait for the first to let go, never connect to its private server (which
    // closes when the first exits).
    const commands = [0, 1].map(() => {
      const child = spawn(process.execPath, [bin, "runs", "--json"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
      return { pid: child.pid!, done };
    });
    const pids = commands.map((c) => c.pid);
    const seen: EmbeddedLock[] = [];
    let running = true;
    const finished = Promise.all(commands.map((c) => c.done)).finally(() => (running = false));
    while (running) {
      const lock = liveOwner(dir);
      if (lock && pids.includes(lock.pid)) seen.push(lock);
      await sleep(5);
    }
    for (const r of await finished) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
    }
    expect(seen.length).toBeGreaterThan(0); // a command owned the folder itself...
    expect(seen.filter((l) => l.socketDir !== undefined)).toEqual([]); // ...and told nobody where its socket was

    // On its way out it started the daemon, which the next command uses warm.
    let daemon = liveOwner(dir);
    for (let i = 0; i < 200 && !daemon?.socketDir; i++) {
      await sleep(100);
      daemon = liveOwner(dir);
    }
    expect(daemon).toMatchObject({ kind: "daemon", socketDir: dir });
    expect(pids).not.toContain(daemon!.pid);
    const again = spawnSync(process.execPath, [bin, "runs", "--json"], { env, encoding: "utf8" });
    expect(again.status).toBe(0);
    expect(liveOwner(dir)?.pid).toBe(daemon!.pid);
  });
});
