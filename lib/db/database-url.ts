import { getEnv, pgliteDir } from "../env.ts";
import { liveOwner } from "./embedded-lock.ts";
import { embeddedUrl, startEmbeddedServer, type EmbeddedServer } from "./embedded-server.ts";

export interface DatabaseTarget {
  url: string;
  /** Set when this process started the embedded server and therefore owns the folder. */
  ownedServer?: EmbeddedServer;
}

let ownServer: EmbeddedServer | undefined;

/**
 * Where to connect: DATABASE_URL when set; else the embedded folder's live owner; else this process serves the
 * folder itself (for the length of its life, or until stopOwnedEmbeddedServer()).
 */
export async function resolveDatabase(): Promise<DatabaseTarget> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL };
  }
  if (ownServer) return { url: ownServer.url, ownedServer: ownServer };
  const owner = liveOwner(pgliteDir());
  if (owner) return { url: embeddedUrl(owner.port) };
  ownServer = await startEmbeddedServer(pgliteDir(), env.CHURNOPS_PGLITE_PORT);
  return { url: ownServer.url, ownedServer: ownServer };
}

export async function stopOwnedEmbeddedServer(): Promise<void> {
  const s = ownServer;
  ownServer = undefined;
  await s?.stop();
}
