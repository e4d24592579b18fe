import path from "node:path";
import { churnopsHome, getEnv, pgliteDir } from "../env.ts";
import { liveOwner } from "./embedded-lock.ts";
import { spawnEmbeddedDaemon, startEmbeddedDaemon, waitForEmbeddedOwner } from "./embedded-daemon.ts";
import { embeddedUrl, startEmbeddedServer, type EmbeddedServer } from "./embedded-server.ts";

export interface DatabaseTarget {
  url: string;
  /** Set when this process started the embedded server and therefore owns the folder. */
  ownedServer?: EmbeddedServer;
  /** The folder is served by the CLI's idle-exiting daemon: hold a connection open while this process needs it. */
  daemon?: boolean;
}

let ownServer: EmbeddedServer | undefined;
let daemonCommand: readonly string[] | undefined;
/** Set for a quick command: serve the unowned folder privately, then start the daemon on the way out. */
let handOver = false;

const daemonLog = () => path.join(churnopsHome(), "logs", "embedded-db.log");

/**
 * Makes this process start the data-folder daemon instead of serving the folder itself when nobody owns it (the
 * CLI: a command then costs a connection, not a PGlite cold start). `command` starts `churnops db daemon`.
 * With `quick` (a short command that starts no other process, such as `churnops runs`), an unowned folder is
 * instead opened here, privately, and the daemon is started when this process lets go of it: the first answer no
 * longer waits for a second Node start (cold `churnops runs`, 10 interleaved pairs: median 1.22 -> 1.07 s), and the
 * daemon serves the next commands warm, as before.
 */
export function useEmbeddedDaemon(command: readonly string[] | undefined, opts: { quick?: boolean } = {}): void {
  daemonCommand = command;
  handOver = Boolean(command && opts.quick);
}

/**
 * Where to connect: DATABASE_URL when set; else the embedded folder's live owner (waiting while it opens); else
 * this process serves the folder privately (a quick CLI command), or the daemon does (the other CLI commands), or
 * this process serves it to everyone (for the length of its life, or until stopOwnedEmbeddedServer()).
 */
export async function resolveDatabase(): Promise<DatabaseTarget> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL };
  }
  if (ownServer) return { url: ownServer.url, ownedServer: ownServer };
  const dir = pgliteDir();
  let owner = liveOwner(dir) ? await waitForEmbeddedOwner(dir) : null;
  if (!owner && handOver) {
    try {
      ownServer = await startEmbeddedServer(dir, { slowMs: env.CHURNOPS_EMBEDDED_SLOW_MS, private: true });
      return { url: ownServer.url, ownedServer: ownServer };
    } catch (e) {
      // Another process claimed the folder since we looked (the daemon a quick command before us started on its
      // way out, say): use it.
      if (!liveOwner(dir)) throw e;
      owner = await waitForEmbeddedOwner(dir);
    }
  }
  if (owner) return { url: embeddedUrl(owner.socketDir!), daemon: owner.kind === "daemon" };
  if (daemonCommand) {
    const started = await startEmbeddedDaemon(dir, daemonCommand, daemonLog());
    return { url: embeddedUrl(started.socketDir!), daemon: started.kind === "daemon" };
  }
  ownServer = await startEmbeddedServer(dir, { slowMs: env.CHURNOPS_EMBEDDED_SLOW_MS });
  return { url: ownServer.url, ownedServer: ownServer };
}

/** Closes the folder if this process serves it; a quick command then starts the daemon for the next ones. */
export async function stopOwnedEmbeddedServer(): Promise<void> {
  const s = ownServer;
  ownServer = undefined;
  await s?.stop();
  if (s && handOver && daemonCommand) spawnEmbeddedDaemon(daemonCommand, daemonLog());
}
