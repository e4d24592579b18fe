import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { churnopsHome } from "../env.ts";

/** Starts a detached worker process for one run; its output goes to .churnops/logs/run-<id>.log. */
export function spawnLocalWorker(runId: string, databaseUrl: string): number {
  const logDir = path.join(churnopsHome(), "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `run-${runId}.log`), "a");
  const entry = path.resolve("lib/pipelines/worker-main.ts");
  // A larger young generation: parsing CSV allocates a row array per line (GC was a third of the load time).
  const child = spawn(process.execPath, ["--max-semi-space-size=64", "--import", path.resolve("bin/register-hooks.mjs"), entry, runId], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", log, log],
    // The worker connects to the server this process uses; it never becomes the embedded folder's owner.
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
  });
  child.unref();
  fs.closeSync(log);
  return child.pid ?? -1;
}
