import fs from "node:fs";
import net from "node:net";
import { liveOwner, removeLock, writeLock } from "./embedded-lock.ts";
import { fixQueryInterleaving } from "./pglite-socket-queue-fix.ts";

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// pglite-socket defaults to 1 connection (a second one is reset). Every pool of the app, the CLI and
// pipeline workers shares this server, so leave generous room.
const MAX_CONNECTIONS = 64;

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Opens the PGlite data folder and serves it over the Postgres wire protocol on 127.0.0.1, so every process talks
 * to it with `pg` exactly as to a real server. The caller becomes the folder's owner until stop().
 */
export async function startEmbeddedServer(dataDir: string, requestedPort = 0): Promise<EmbeddedServer> {
  const owner = liveOwner(dataDir);
  if (owner && owner.pid !== process.pid) {
    throw new Error(`embedded database ${dataDir} is already served by pid ${owner.pid} on port ${owner.port}`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
  ]);
  const port = requestedPort || (await freePort());
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  fixQueryInterleaving(server);
  await server.start();
  writeLock(dataDir, { pid: process.pid, port, startedAt: new Date().toISOString() });
  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      removeLock(dataDir);
    },
  };
}
