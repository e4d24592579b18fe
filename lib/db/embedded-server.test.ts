import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLock } from "./embedded-lock.ts";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server.ts";

describe("startEmbeddedServer", () => {
  let dir: string;
  let server: EmbeddedServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-embedded-"));
    server = await startEmbeddedServer(dir);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("records this process as the folder's owner and refuses a second owner", async () => {
    expect(readLock(dir)).toMatchObject({ pid: process.pid, socketDir: server.socketDir });
    // A second server on the same folder would silently diverge (ARCHITECTURE §4); the lock must stop it.
    const fakeOwner = { pid: process.ppid, socketDir: "/nonexistent", startedAt: "" };
    fs.writeFileSync(path.join(dir, "churnops-owner.json"), JSON.stringify(fakeOwner));
    await expect(startEmbeddedServer(dir)).rejects.toThrow(/already served by pid/);
    fs.writeFileSync(path.join(dir, "churnops-owner.json"), JSON.stringify({ pid: process.pid, socketDir: server.socketDir, startedAt: "" }));
  });

  it("serves only a Unix socket inside the data folder, which only this OS user may enter", async () => {
    // pglite-socket checks no password: on its old loopback TCP port every local account could read every row.
    expect(server.socketDir).toBe(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, ".s.PGSQL.5432")).isSocket()).toBe(true);
    expect(new URL(server.url).searchParams.get("host")).toBe(dir);
    expect(readLock(dir)).not.toHaveProperty("port");
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    expect((await c.query("SELECT 41 + 1 AS x")).rows[0].x).toBe(42);
    await c.end();
  });

  it("refuses a connection aimed at another directory", async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-other-"));
    try {
      const c = new pg.Client({ host: other, port: 5432, user: "postgres", database: "postgres" });
      await expect(c.connect()).rejects.toThrow(/ENOENT|ECONNREFUSED/);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it.runIf(process.getuid?.() === 0)("refuses another OS user", () => {
    // Run as root here, so try what an attacker's account would: connect as uid/gid 65534 (nobody).
    const probe = `require("net").connect(${JSON.stringify(path.join(dir, ".s.PGSQL.5432"))}).on("connect", () => { console.log("CONNECTED"); process.exit(0); }).on("error", (e) => { console.log(e.code); process.exit(0); })`;
    const r = spawnSync(process.execPath, ["-e", probe], { uid: 65534, gid: 65534, cwd: "/", encoding: "utf8" });
    expect(r.stdout.trim()).toBe("EACCES");
  });

  it("keeps concurrent parameterised queries of many connections apart", async () => {
    // Without lib/db/pglite-socket-queue-fix.ts this fails with "bind message supplies N parameters, but prepared
    // statement "" requires M": extended-protocol messages of different connections interleave in one session.
    const clients = await Promise.all(Array.from({ length: 6 }, async () => {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      return c;
    }));
    // The failing sequence: B's Parse runs, then A's BEGIN pins the session to A for its transaction, A's own
    // Parse replaces the unnamed statement, and after COMMIT B's Bind meets A's statement. So one connection loops
    // short transactions with parameterised queries (as Prisma's $transaction does) while the others query.
    const busy = new pg.Client({ connectionString: server.url });
    await busy.connect();
    let stop = false;
    const busyLoop = (async () => {
      while (!stop) {
        await busy.query("BEGIN");
        await busy.query("SELECT $1::int + $2::int + $3::int + $4::int + $5::int + $6::int AS s", [1, 2, 3, 4, 5, 6]);
        await busy.query("COMMIT");
      }
    })();
    try {
      const results = await Promise.all(
        clients.flatMap((c, ci) =>
          Array.from({ length: 40 }, async (_, i) => {
            const n = (ci + i) % 5 + 1; // 1..5 parameters
            const params = Array.from({ length: n }, (_, k) => ci * 1000 + i * 10 + k);
            const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(" + ")} AS s`;
            const { rows } = await c.query<{ s: number }>(sql, params);
            return rows[0].s === params.reduce((a, b) => a + b, 0);
          }),
        ),
      );
      expect(results.every(Boolean)).toBe(true);
      expect(results).toHaveLength(240);
    } finally {
      stop = true;
      await busyLoop;
      await Promise.all([...clients, busy].map((c) => c.end()));
    }
  });

  it("keeps serving after a query fails", async () => {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await expect(c.query("SELECT $1::int / 0", [1])).rejects.toThrow(/division by zero/);
    const { rows } = await c.query("SELECT $1::int + 1 AS x", [1]);
    expect(rows[0].x).toBe(2);
    await c.end();
  });
});
