import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BACKGROUND_APP_PREFIX } from "../db/pglite-socket-queue-fix.ts";
import { workerCommand, workerEnv } from "./spawn-local-worker.ts";

describe("local worker process", () => {
  it("starts at the configured CPU priority, every thread of it", () => {
    const niced = workerCommand(["-e", "console.log(require('os').getPriority())"], 10);
    expect(niced.niced).toBe(true);
    const r = spawnSync(niced.command, niced.args, { encoding: "utf8" });
    // Relative to this process: nice adds to the niceness it starts with.
    const own = Number(spawnSync(process.execPath, ["-e", "console.log(require('os').getPriority())"], { encoding: "utf8" }).stdout);
    expect(Number(r.stdout)).toBe(Math.min(19, own + 10));
    expect(workerCommand(["-v"], 0)).toEqual({ command: process.execPath, args: ["-v"], niced: false });
  });

  it("names its database connections as a run's, so the embedded engine lets pages go first", () => {
    const env = workerEnv("r-1", "postgresql://x");
    expect(env.PGAPPNAME).toBe(`${BACKGROUND_APP_PREFIX} r-1`);
    expect(env.DATABASE_URL).toBe("postgresql://x");
  });
});
