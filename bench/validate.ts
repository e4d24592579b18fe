import fs from "node:fs";
import { closeDb } from "../lib/db/client.ts";
import { runDataGate } from "../lib/quality/data-gate.ts";
import { elearningSuites } from "../lib/sources/elearning/elearning-suites.ts";
import { freshDatabase, loadElearning, migrate, onEmbedded, repeat, seconds, useDatabase, writeDefaultElearning } from "./bench-helpers.ts";

// Time to validate the default e-learning data (~485k events) with all its suites, as a ratio to the time of
// loading it, on each engine in the same run (target on real Postgres: validation <= 1x load).
async function measure(engine: string, files: Awaited<ReturnType<typeof writeDefaultElearning>>): Promise<void> {
  const load = await repeat(() => loadElearning(files));
  const validate = await repeat(() => seconds(() => runDataGate(elearningSuites, null)));
  const expectations = elearningSuites.reduce((n, s) => n + s.expectations.length, 0);
  console.log(`${engine.padEnd(9)} load ${load.toFixed(2)} s   validate (${elearningSuites.length} suites, ${expectations} expectations) ${validate.toFixed(2)} s   ratio ${(validate / load).toFixed(2)}x of load  (target <= 1x on postgres)`);
}

export async function benchValidate(): Promise<void> {
  const files = await writeDefaultElearning();
  console.log(`dataset: ${files.users} users + ${files.events} events`);
  const db = await freshDatabase("validate");
  try {
    await migrate(db.url);
    await useDatabase(db.url);
    await measure("postgres", files);
    await onEmbedded(files.dir, () => measure("embedded", files));
  } finally {
    await closeDb();
    await db.drop();
    fs.rmSync(files.dir, { recursive: true, force: true });
  }
}
