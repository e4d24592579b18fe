import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isProcessAlive, liveOwner, type EmbeddedLock } from "./embedded-lock.ts";
import { startEmbeddedServer } from "./embedded-server.ts";

// A PGlite cold start costs seconds (WASM compile + opening the folder); a CLI command that served the folder
// itself paid it every time. The daemon owns the folder through the usual lock, serves its socket, and exits
// after `idleMs` without a client connection, so a laptop is not left with a database process for ever.

// Opening a fresh folder runs initdb; on a loaded 2-core machine that took tens of seconds. Past this a start
// has failed, not slowed down.
const START_DEADLINE_MS = 120_000;
const POLL_MS = 25;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the folder's live owner serves its socket and returns its lock, or null when there is no live
 * owner (or it died while opening). `starter` is the pid of a daemon we spawned: its exit before any owner is
 * ready is a failure, reported with its log.
 */
export async function waitForEmbeddedOwner(dataDir: string, starter?: { exited(): boolean; log: string }): Promise<EmbeddedLock | null> {
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    const owner = liveOwner(dataDir);
    if (owner?.socketDir) return owner;
    if (!owner && (!starter || starter.exited())) {
      if (!starter) return null;
      const tail = fs.existsSync(starter.log) ? fs.readFileSync(starter.log, "utf8").trim().split("\n").slice(-5).join("\n") : "";
      throw new Error(`the embedded database daemon stopped before it served ${dataDir}${tail ? `:\n${tail}` : ""}\nTo fix: see ${starter.log}.`);
    }
    if (Date.now() > deadline) {
      throw new Error(`the embedded database in ${dataDir} did not open within ${START_DEADLINE_MS / 1000} s (owner pid ${owner?.pid ?? "none"}). To fix: see ${starter?.log ?? "the owner's log"}, or stop that process.`);
    }
    await sleep(POLL_MS);
  }
}

/** Spawns `command` (churnops db daemon) detached, logging to `log`; `exited()` tells whether it has stopped. */
export function spawnEmbeddedDaemon(command: readonly string[], log: string): { exited(): boolean; log: string } {
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const fd = fs.openSync(log, "a", 0o600);
  let exited = false;
  try {
    const child = spawn(command[0], command.slice(1), { detached: true, stdio: ["ignore", fd, fd], cwd: process.cwd(), env: process.env });
    child.on("exit", () => (exited = true));
    child.on("error", () => (exited = true));
    child.unref();
  } finally {
    fs.closeSync(fd);
  }
  return { exited: () => exited, log };
}

/** Spawns the daemon and waits until it (or a daemon that won a race) serves the folder. */
export async function startEmbeddedDaemon(dataDir: string, command: readonly string[], log: string): Promise<EmbeddedLock> {
  const owner = await waitForEmbeddedOwner(dataDir, spawnEmbeddedDaemon(command, log));
  return owner!;
}

/**
 * The daemon's body: owns and serves the folder until `idleMs` pass with no client connected, or a signal.
 * Resolves when it has stopped.
 */
export async function runEmbeddedDaemon(dataDir: string, idleMs: number, slowMs?: number): Promise<void> {
  const server = await startEmbeddedServer(dataDir, { kind: "daemon", slowMs });
  process.stdout.write(`${new Date().toISOString()} pid ${process.pid} serves ${dataDir} (socket in ${server.socketDir}); exits after ${idleMs / 60_000} idle minute(s)\n`);
  await new Promise<void>((resolve) => {
    let idleSince = Date.now();
    const stop = (why: string) => {
      clearInterval(timer);
      process.stdout.write(`${new Date().toISOString()} stopping: ${why}\n`);
      void server.stop().finally(resolve);
    };
    const timer = setInterval(() => {
      if (server.connections() > 0) idleSince = Date.now();
      else if (Date.now() - idleSince >= idleMs) stop(`no client for ${Math.round(idleMs / 1000)} s`);
    }, Math.max(50, Math.min(1000, idleMs / 4)));
    for (const sig of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(sig, () => stop(sig));
  });
}

/** Asks a running daemon to exit (churnops db stop); true when one was stopped. A dashboard owner is left alone. */
export async function stopEmbeddedDaemon(dataDir: string): Promise<EmbeddedLock | null> {
  const owner = liveOwner(dataDir);
  if (!owner || owner.kind !== "daemon") return null;
  process.kill(owner.pid, "SIGTERM");
  const deadline = Date.now() + START_DEADLINE_MS;
  while (isProcessAlive(owner.pid) && Date.now() < deadline) await sleep(POLL_MS);
  return owner;
}
