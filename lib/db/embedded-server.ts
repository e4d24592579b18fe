import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { liveOwner, removeLock, writeLock, type EmbeddedLock } from "./embedded-lock.ts";
import { fixQueryInterleaving } from "./pglite-socket-queue-fix.ts";

export interface EmbeddedServer {
  url: string;
  /** Folder holding the Unix socket `.s.PGSQL.5432` (the data folder itself unless its path is too long). */
  socketDir: string;
  /** Open client connections right now (the daemon's idle clock watches it). */
  connections(): number;
  stop(): Promise<void>;
}

// pglite-socket defaults to 1 connection (a second one is reset). Every pool of the app, the CLI and
// pipeline workers shares this server, so leave generous room.
const MAX_CONNECTIONS = 64;

/** libpq and pg name a server's socket `<host dir>/.s.PGSQL.<port>`; 5432 is their default port. */
export const SOCKET_PORT = 5432;
const SOCKET_NAME = `.s.PGSQL.${SOCKET_PORT}`;
// sun_path holds 108 bytes on Linux (104 on macOS) including the NUL; stay under both.
const MAX_SOCKET_PATH = 100;

/**
 * The connection URL of an embedded server: pg, @prisma/adapter-pg and psql read `host=<dir>` as "the Unix socket
 * in dir". pglite-socket checks no password, so the socket is the only door: it lives in a 0700 folder, which
 * only this OS user can enter (pglite-socket on TCP let every local account read every row).
 */
export function embeddedUrl(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
}

/**
 * Start parameters beside PGlite's own.
 * - WAL: PGlite starts Postgres with its defaults (max_wal_size 1 GB, min_wal_size 80 MB), so the WAL of a load
 *   stayed in the data folder as recycled segments: 433 MB of pg_wal beside 283 MB of tables after the default
 *   e-learning sample. Capped, the single backend checkpoints as it goes (it is its own checkpointer) and keeps few
 *   segments: the folder holds the data, not its history. wal_recycle off: a checkpoint removes the segments it
 *   no longer needs instead of renaming them for reuse, so the WAL at rest is one or two segments, not min_wal_size
 *   to max_wal_size of recycled ones (after the default sample and its training, pg_wal at rest 65 MB -> 17 MB).
 * - shared_buffers 32 MB (Postgres' default is 128 MB): every start initialises the whole buffer pool inside the
 *   WebAssembly memory, which the CLI's daemon pays on every cold `churnops runs`. Its time to serve went from
 *   1.54–2.15 s to 1.22–1.69 s (6 interleaved pairs), the cold command from 2.19–2.71 s to 1.94–2.31 s. Runs did
 *   not slow down: the default e-learning load took 37.6 / 37.9 s at 128 MB and 36.5 / 39.9 s at 32 MB, its
 *   features + labels 4.1 / 4.3 s and 4.3 / 4.2 s (large scans go through a small ring of buffers whatever the
 *   pool's size, and the OS caches the folder's files).
 */
const START_PARAMS = ["-c", "max_wal_size=64MB", "-c", "min_wal_size=32MB", "-c", "wal_recycle=off", "-c", "shared_buffers=32MB"];

/** A new private temp folder for a socket (mkdtemp creates it 0700; release() removes it). */
const tempSocketDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "churnops-pg-"));

/** Where the socket goes: in the data folder, or a private temp folder when that path would not fit in sun_path. */
function socketDirFor(dataDir: string): string {
  return Buffer.byteLength(path.join(dataDir, SOCKET_NAME)) <= MAX_SOCKET_PATH ? dataDir : tempSocketDir();
}

export interface StartOptions {
  kind?: EmbeddedLock["kind"];
  /**
   * Serve only this process: the socket goes to a private temp folder and the lock never names it, so another
   * process finds the folder "still opening" and waits for this one to let go rather than connecting to a server
   * that stops when this process is done (a quick CLI command, see lib/db/database-url.ts).
   */
  private?: boolean;
  /** Log every statement that holds the database at least this many ms (CHURNOPS_EMBEDDED_SLOW_MS). */
  slowMs?: number;
}

/**
 * Opens the PGlite data folder and serves it over the Postgres wire protocol on a Unix socket in a 0700 folder,
 * so every process of this user talks to it with `pg` exactly as to a real server, and no other user can. The
 * caller becomes the folder's owner until stop(); it claims the folder before opening it.
 */
export async function startEmbeddedServer(dataDir: string, opts: StartOptions = {}): Promise<EmbeddedServer> {
  const kind = opts.kind ?? "process";
  const startedAt = new Date().toISOString();
  const owner = liveOwner(dataDir);
  if (owner && owner.pid !== process.pid) {
    throw new Error(`embedded database ${dataDir} is already served by pid ${owner.pid}`);
  }
  writeLock(dataDir, { pid: process.pid, kind, startedAt }); // claim first: two PGlites on one folder diverge
  let db: { close(): Promise<void> } | undefined;
  let server: { stop(): Promise<void>; getStats(): { activeConnections: number } } | undefined;
  let socketDir: string | undefined;
  const release = async () => {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    if (socketDir) fs.rmSync(path.join(socketDir, SOCKET_NAME), { force: true });
    if (socketDir && socketDir !== dataDir) fs.rmSync(socketDir, { recursive: true, force: true });
    removeLock(dataDir);
  };
  try {
    // The data folder holds every customer row: only this user may enter it (also tightens folders made before).
    fs.chmodSync(dataDir, 0o700);
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite-socket"),
    ]);
    const pglite = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...START_PARAMS] });
    db = pglite;
    socketDir = opts.private ? tempSocketDir() : socketDirFor(dataDir);
    const socketPath = path.join(socketDir, SOCKET_NAME);
    fs.rmSync(socketPath, { force: true }); // left by a killed owner (we hold the lock, so it is nobody's)
    const socketServer = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: MAX_CONNECTIONS });
    server = socketServer;
    // One statement holds PGlite's single session and every connection waits: log the long ones when asked.
    const held = (by: string) => (ms: number, sql: string) => process.stderr.write(`embedded db: ${Math.round(ms)} ms held by${by}: ${sql.replace(/\s+/g, " ").slice(0, 200)}\n`);
    const logged = opts.slowMs ? { onSlow: held(""), onSlowTransaction: held(" a transaction from") } : {};
    fixQueryInterleaving(socketServer, { ...logged, slowMs: opts.slowMs });
    await socketServer.start();
    fs.chmodSync(socketPath, 0o600); // belt and braces: the folder's 0700 already keeps others out
    if (!opts.private) writeLock(dataDir, { pid: process.pid, kind, socketDir, startedAt });
  } catch (e) {
    await release();
    throw e;
  }
  let stopped = false;
  return {
    url: embeddedUrl(socketDir),
    socketDir,
    connections: () => server!.getStats().activeConnections,
    async stop() {
      if (stopped) return;
      stopped = true;
      await release();
    },
  };
}
