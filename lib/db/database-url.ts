import path from "node:path";
import { churnopsHome, getEnv, pgliteDir } from "../env.ts";
import { liveOwner } from "./embedded-lock.ts";
import { startEmbeddedDaemon, waitForEmbeddedOwner } from "./embedded-daemon.ts";
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

/**
 * Makes this process start the data-folder daemon instead of serving the folder itself when nobody owns it (the
 * CLI: a command then costs a connection, not a PGlite cold start). `command` starts `churnops db daemon`.
 */
export function useEmbeddedDaemon(command: readonly string[] | undefined): void {
  daemonCommand = command;
}

/**
 * Where to connect: DATABASE_URL when set; else the embedded folder's live owner (waiting while it opens); else
 * the daemon (CLI) or this process itself serves the folder (for the length of its life, or until
 * stopOwnedEmbeddedServer()).
 */
export async function resolveDatabase(): Promise<DatabaseTarget> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL };
  }
  if (ownServer) return { url: ownServer.url, ownedServer: ownServer };
  const dir = pgliteDir();
  const owner = liveOwner(dir) ? await waitForEmbeddedOwner(dir) : null;
  if (owner) return { url: embeddedUrl(owner.socketDir!), daemon: owner.kind === "daemon" };
  if (daemonCommand) {
    const started = await startEmbeddedDaemon(dir, daemonCommand, path.join(churnopsHome(), "logs", "embedded-db.log"));
    return { url: embeddedUrl(started.socketDir!), daemon: started.kind === "daemon" };
  }
  ownServer = await startEmbeddedServer(dir, { slowMs: env.CHURNOPS_EMBEDDED_SLOW_MS });
  return { url: ownServer.url, ownedServer: ownServer };
}

export async function stopOwnedEmbeddedServer(): Promise<void> {
  const s = ownServer;
  ownServer = undefined;
  await s?.stop();
}
