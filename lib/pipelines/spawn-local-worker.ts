import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BACKGROUND_APP_PREFIX } from "../db/pglite-socket-queue-fix.ts";
import { churnopsHome, getEnv } from "../env.ts";

// Where `nice` lives on Linux and macOS. It starts the worker at a lower CPU priority, every thread of it (V8's GC
// and libuv threads included, which renicing the pid after spawn would miss: Linux nice values are per thread).
const NICE = ["/usr/bin/nice", "/bin/nice"].find((p) => fs.existsSync(p));

/** The command that starts `args` with node at `niceness` (0: as this process), and whether nice is applied. */
export function workerCommand(args: string[], niceness: number): { command: string; args: string[]; niced: boolean } {
  if (niceness > 0 && NICE) return { command: NICE, args: ["-n", String(niceness), process.execPath, ...args], niced: true };
  return { command: process.execPath, args, niced: false };
}

/** The worker's environment: PGAPPNAME marks its connections as a run's, which the embedded engine serves after a waiting page. */
export function workerEnv(runId: string, databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "", PGAPPNAME: `${BACKGROUND_APP_PREFIX} ${runId}` };
}

/**
 * Starts a detached worker process for one run; its output goes to .churnops/logs/run-<id>.log. It runs at
 * CHURNOPS_WORKER_NICE (default 10): a run is batch work that may take a little longer, while the dashboard on the
 * same cores answers people (20 clients idle p99 513 ms → 1060 ms during a run on Postgres at equal priority).
 */
export function spawnLocalWorker(runId: string, databaseUrl: string): number {
  const logDir = path.join(churnopsHome(), "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `run-${runId}.log`), "a");
  const entry = path.resolve("lib/pipelines/worker-main.ts");
  // A larger young generation: parsing CSV allocates a row array per line (GC was a third of the load time).
  const node = workerCommand(["--max-semi-space-size=64", "--import", path.resolve("bin/register-hooks.mjs"), entry, runId], getEnv().CHURNOPS_WORKER_NICE);
  const child = spawn(node.command, node.args, {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", log, log],
    // The worker connects to the server this process uses; it never becomes the embedded folder's owner.
    env: workerEnv(runId, databaseUrl),
  });
  child.unref();
  fs.closeSync(log);
  return child.pid ?? -1;
}
