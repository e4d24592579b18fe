import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolveDatabase } from "./database-url.ts";

export type DbEngine = "postgres" | "embedded";

export interface Db {
  url: string;
  engine: DbEngine;
  /** Raw SQL, bulk loads and transactions (set-based work). */
  pool: pg.Pool;
  /** Bookkeeping tables (runs, steps, files, artifacts). */
  prisma: PrismaClient;
}

// Pool sizes stay small: the embedded server serialises transactions anyway and counts every connection of
// every process against its limit.
const POOL_MAX = 5;

let current: Promise<Db> | undefined;

async function connect(): Promise<Db> {
  const { url } = await resolveDatabase();
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
  const { rows } = await pool.query<{ version: string }>("select version()");
  const engine: DbEngine = rows[0].version.includes("PGlite") ? "embedded" : "postgres";
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: POOL_MAX }) });
  return { url, engine, pool, prisma };
}

/** The process-wide connection (created on first use). */
export function getDb(): Promise<Db> {
  current ??= connect().catch((e) => {
    current = undefined;
    throw e;
  });
  return current;
}

export async function closeDb(): Promise<void> {
  const db = current;
  current = undefined;
  if (!db) return;
  const { pool, prisma } = await db;
  await Promise.allSettled([pool.end(), prisma.$disconnect()]);
}

/** Round trip to the database (health checks). */
export async function pingDatabase(): Promise<DbEngine> {
  const { pool, engine } = await getDb();
  await pool.query("SELECT 1");
  return engine;
}
