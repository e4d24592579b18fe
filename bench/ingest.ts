import { execFileSync } from "node:child_process";
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

// What it measures: rows/s of churnops' load path (parse + validate + COPY/unnest + atomic replace) for the default
// e-learning export, against `psql \copy` of the same CSV into a table with the same columns and indexes, in the
// same run on the same server. Also: generate + load end to end. Median of REPEATS.
const REPEATS = 3;
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `churnops_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function migrate(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await applyMigrations(c);
  // Reference table: the CSV's columns plus the same secondary index as raw.elearning_events.
  await c.query(`CREATE TABLE IF NOT EXISTS public.bench_psql_copy (event_id bigint, user_id bigint, event_time timestamp, event_type text,
    course_id text, watch_minutes double precision, quiz_score double precision, amount double precision)`);
  await c.query(`CREATE INDEX IF NOT EXISTS bench_psql_copy_user_time ON public.bench_psql_copy (user_id, event_time)`);
  await c.end();
}

function psqlCopy(url: string, csv: string): number {
  const t0 = performance.now();
  execFileSync("psql", [url, "-qc", "TRUNCATE public.bench_psql_copy", "-c", `\\copy public.bench_psql_copy from '${csv}' csv header`], { stdio: "pipe" });
  return (performance.now() - t0) / 1000;
}

async function ourLoad(usersCsv: string, eventsCsv: string): Promise<number> {
  return time(() =>
    replaceTablesFromCsv([
      { source: "bench", fileName: "users.csv", table: ELEARNING_USERS_TABLE, columns: elearningUserColumns, bytes: fs.statSync(usersCsv).size, open: async () => fs.createReadStream(usersCsv) },
      { source: "bench", fileName: "events.csv", table: ELEARNING_EVENTS_TABLE, columns: elearningEventColumns, bytes: fs.statSync(eventsCsv).size, open: async () => fs.createReadStream(eventsCsv) },
    ]),
  );
}

async function useDatabase(url: string) {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

export async function benchIngest(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-"));
  process.env.CHURNOPS_HOME = dir;
  const params = elearningSampleParams.parse({});
  let data!: ReturnType<typeof generateElearning>;
  const generateS = await time(async () => (data = generateElearning(params)));
  const usersCsv = path.join(dir, "users.csv");
  const eventsCsv = path.join(dir, "events.csv");
  fs.writeFileSync(usersCsv, data.usersCsv);
  fs.writeFileSync(eventsCsv, data.eventsCsv);
  const rows = data.stats.events + data.stats.users;
  console.log(`dataset: ${data.stats.users} users + ${data.stats.events} events (${(fs.statSync(eventsCsv).size / 1e6).toFixed(1)} MB), generated in ${generateS.toFixed(2)} s`);

  const db = await freshDatabase();
  try {
    await migrate(db.url);
    await useDatabase(db.url);
    const refS = median(Array.from({ length: REPEATS }, () => psqlCopy(db.url, eventsCsv)));
    const oursPg: number[] = [];
    for (let i = 0; i < REPEATS; i++) oursPg.push(await ourLoad(usersCsv, eventsCsv));
    const ours = median(oursPg);
    const refRate = data.stats.events / refS;
    const ourRate = rows / ours;
    console.log(`postgres  psql \\copy events.csv      ${refS.toFixed(2)} s  ${Math.round(refRate).toLocaleString()} rows/s  (reference)`);
    console.log(`postgres  churnops load (both files) ${ours.toFixed(2)} s  ${Math.round(ourRate).toLocaleString()} rows/s  ratio ${(ourRate / refRate).toFixed(2)}x  (target >= 0.7x)`);
    console.log(`postgres  generate + load            ${(generateS + ours).toFixed(2)} s  (target < 10 s)`);

    const server = await startEmbeddedServer(path.join(dir, "pglite"));
    try {
      await migrate(server.url);
      await useDatabase(server.url);
      const oursLite: number[] = [];
      for (let i = 0; i < REPEATS; i++) oursLite.push(await ourLoad(usersCsv, eventsCsv));
      const lite = median(oursLite);
      console.log(`embedded  churnops load (both files) ${lite.toFixed(2)} s  ${Math.round(rows / lite).toLocaleString()} rows/s  ratio ${(rows / lite / refRate).toFixed(2)}x of postgres psql \\copy`);
      await closeDb();
    } finally {
      await server.stop();
    }
  } finally {
    await closeDb();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
