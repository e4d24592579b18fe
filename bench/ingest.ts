import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { closeDb } from "../lib/db/client.ts";
import { freshDatabase, loadElearning, median, migrate, onEmbedded, REPEATS, repeat, useDatabase, writeDefaultElearning } from "./bench-helpers.ts";

// Rows/s of churnops' load path (parse + validate types + COPY/unnest + atomic replace) for the default e-learning
// export, against `psql \copy` of the same events.csv into a table with the same columns and secondary index, in
// the same run on the same server; plus generate + load end to end. Medians of REPEATS.
const REFERENCE_TABLE = [
  `CREATE TABLE public.bench_psql_copy (event_id bigint, user_id bigint, event_time timestamp, event_type text,
     course_id text, watch_minutes double precision, quiz_score double precision, amount double precision)`,
  `CREATE INDEX bench_psql_copy_user_time ON public.bench_psql_copy (user_id, event_time)`,
];

function psqlCopy(url: string, csv: string): number {
  const t0 = performance.now();
  execFileSync("psql", [url, "-qc", "TRUNCATE public.bench_psql_copy", "-c", `\\copy public.bench_psql_copy from '${csv}' csv header`], { stdio: "pipe" });
  return (performance.now() - t0) / 1000;
}

export async function benchIngest(): Promise<void> {
  const files = await writeDefaultElearning();
  const rows = files.users + files.events;
  console.log(`dataset: ${files.users} users + ${files.events} events (${(fs.statSync(files.eventsCsv).size / 1e6).toFixed(1)} MB), generated in ${files.generateS.toFixed(2)} s`);
  const db = await freshDatabase("ingest");
  try {
    await migrate(db.url, REFERENCE_TABLE);
    await useDatabase(db.url);
    const refS = median(Array.from({ length: REPEATS }, () => psqlCopy(db.url, files.eventsCsv)));
    const ours = await repeat(() => loadElearning(files));
    const refRate = files.events / refS;
    const ourRate = rows / ours;
    console.log(`postgres  psql \\copy events.csv      ${refS.toFixed(2)} s  ${Math.round(refRate).toLocaleString()} rows/s  (reference)`);
    console.log(`postgres  churnops load (both files) ${ours.toFixed(2)} s  ${Math.round(ourRate).toLocaleString()} rows/s  ratio ${(ourRate / refRate).toFixed(2)}x  (target >= 0.7x)`);
    console.log(`postgres  generate + load            ${(files.generateS + ours).toFixed(2)} s  (target < 10 s)`);

    await onEmbedded(files.dir, async () => {
      const lite = await repeat(() => loadElearning(files));
      console.log(`embedded  churnops load (both files) ${lite.toFixed(2)} s  ${Math.round(rows / lite).toLocaleString()} rows/s  ratio ${(rows / lite / refRate).toFixed(2)}x of postgres psql \\copy`);
    });
  } finally {
    await closeDb();
    await db.drop();
    fs.rmSync(files.dir, { recursive: true, force: true });
  }
}
