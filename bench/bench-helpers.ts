import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb } from "../lib/db/client.ts";
import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { applyMigrations } from "../lib/db/migrate.ts";
import { resetEnvCache } from "../lib/env.ts";
import { elearningSampleParams } from "../lib/sources/elearning/elearning-params.ts";
import { ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE, elearningEventColumns, elearningUserColumns } from "../lib/sources/elearning/elearning-tables.ts";
import { generateElearning } from "../lib/sources/elearning/generate-elearning.ts";
import { replaceTablesFromCsv } from "../lib/sources/replace-tables-from-csv.ts";

export const REPEATS = 3;
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

export async function repeat(fn: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < REPEATS; i++) xs.push(await fn());
  return median(xs);
}

/** A fresh database on the real server, dropped by drop(). */
export async function freshDatabase(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `churnops_bench_${tag}_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function migrate(url: string, extraSql: string[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await applyMigrations(c);
  for (const sql of extraSql) await c.query(sql);
  await c.end();
}

/** Points lib/'s connection singleton at url. */
export async function useDatabase(url: string): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

export interface ElearningFiles {
  dir: string;
  usersCsv: string;
  eventsCsv: string;
  users: number;
  events: number;
  generateS: number;
}

/** The default e-learning export written to a temp folder (also CHURNOPS_HOME for the run). */
export async function writeDefaultElearning(): Promise<ElearningFiles> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-"));
  process.env.CHURNOPS_HOME = dir;
  let data!: ReturnType<typeof generateElearning>;
  const generateS = await seconds(async () => (data = generateElearning(elearningSampleParams.parse({}))));
  const usersCsv = path.join(dir, "users.csv");
  const eventsCsv = path.join(dir, "events.csv");
  fs.writeFileSync(usersCsv, data.usersCsv);
  fs.writeFileSync(eventsCsv, data.eventsCsv);
  return { dir, usersCsv, eventsCsv, users: data.stats.users, events: data.stats.events, generateS };
}

/** churnops' load path for both files; seconds. */
export function loadElearning(files: ElearningFiles): Promise<number> {
  const { usersCsv, eventsCsv } = files;
  return seconds(() =>
    replaceTablesFromCsv([
      { source: "bench", fileName: "users.csv", table: ELEARNING_USERS_TABLE, columns: elearningUserColumns, bytes: fs.statSync(usersCsv).size, open: async () => fs.createReadStream(usersCsv) },
      { source: "bench", fileName: "events.csv", table: ELEARNING_EVENTS_TABLE, columns: elearningEventColumns, bytes: fs.statSync(eventsCsv).size, open: async () => fs.createReadStream(eventsCsv) },
    ]),
  );
}

/** Runs fn with lib/ pointed at a fresh, migrated embedded engine in dir (stopped afterwards). */
export async function onEmbedded(dir: string, fn: () => Promise<void>): Promise<void> {
  const server = await startEmbeddedServer(path.join(dir, "pglite"));
  try {
    await migrate(server.url);
    await useDatabase(server.url);
    await fn();
    await closeDb();
  } finally {
    await server.stop();
  }
}
