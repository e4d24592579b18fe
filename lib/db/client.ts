import "server-only";
import pg from "pg";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { resolveDatabase } from "./database-url.ts";

export type DbEngine = "postgres" | "embedded";

export interface PoolDb {
  url: string;
  engine: DbEngine;
  /** Raw SQL, bulk loads and transactions (set-based work). */
  pool: pg.Pool;
}

export interface Db extends PoolDb {
  /** Bookkeeping tables (runs, steps, files, artifacts). */
  prisma: PrismaClient;
}

// Pool sizes stay small: the embedded server serialises transactions anyway and counts every connection of
// every process against its limit (64). The dashboard's server is the exception: a page sends its queries in
// parallel and twenty people's pages waited for five connections (embedded, 20 clients: `/` p99 668 ms idle and
// 911 ms during a run with 12, against 890 and 1061 ms with 5; `npm run bench -- ui-under-load`).
const POOL_MAX = process.env.NEXT_RUNTIME === "nodejs" ? 12 : 5;

let pooled: Promise<PoolDb> | undefined;
let current: Promise<Db> | undefined;
/** Open while this process uses a folder served by the CLI daemon: the daemon exits only when no client is left. */
let daemonLease: pg.Client | undefined;

async function connect(): Promise<PoolDb> {
  const { url, daemon } = await resolveDatabase();
  if (daemon) {
    // Pools close idle connections, so without this the daemon could time out under a dashboard or a slow watch.
    const lease = new pg.Client({ connectionString: url });
    lease.on("error", () => {});
    await lease.connect();
    daemonLease = lease;
  }
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
  const { rows } = await pool.query<{ version: string }>("select version()");
  const engine: DbEngine = rows[0].version.includes("PGlite") ? "embedded" : "postgres";
  return { url, engine, pool };
}

async function withPrisma(db: PoolDb): Promise<Db> {
  // Loaded on first use: the Prisma runtime is the largest import of a CLI command that only reads with SQL.
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("./generated/prisma/client.ts"), import("@prisma/adapter-pg")]);
  return { ...db, prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: POOL_MAX }) }) };
}

/** The process-wide pool, without Prisma (created on first use). */
export function getPool(): Promise<PoolDb> {
  pooled ??= connect().catch((e) => {
    pooled = undefined;
    throw e;
  });
  return pooled;
}

/** The process-wide connection with Prisma (created on first use). */
export function getDb(): Promise<Db> {
  current ??= getPool()
    .then(withPrisma)
    .catch((e) => {
      current = undefined;
      throw e;
    });
  return current;
}

export async function closeDb(): Promise<void> {
  const [db, withClient, lease] = [pooled, current, daemonLease];
  pooled = current = daemonLease = undefined;
  const prisma = await withClient?.then((d) => d.prisma).catch(() => undefined);
  const pool = await db?.then((d) => d.pool).catch(() => undefined);
  await Promise.allSettled([pool?.end(), prisma?.$disconnect()]);
  await lease?.end().catch(() => {});
}

/** Round trip to the database (health checks). */
export async function pingDatabase(): Promise<DbEngine> {
  const { pool, engine } = await getPool();
  await pool.query("SELECT 1");
  return engine;
}
