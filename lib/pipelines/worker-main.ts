// Entry point of a local-executor worker process: `node --import ./bin/register-hooks.mjs lib/pipelines/worker-main.ts <run-id>`.
// Runs out of the web server's process so a long run never freezes the dashboard.
import { closeDb } from "../db/client.ts";
import { runLocally } from "./local-executor.ts";

const runId = process.argv[2];
if (!runId) {
  console.error("usage: worker-main.ts <run-id>");
  process.exit(64);
}
const cancel = new AbortController();
for (const sig of ["SIGTERM", "SIGINT"] as const) process.once(sig, () => cancel.abort());
try {
  const outcome = await runLocally(runId, { signal: cancel.signal });
  console.log(JSON.stringify(outcome));
  await closeDb();
  process.exit(outcome.status === "succeeded" ? 0 : 1);
} catch (e) {
  console.error(e);
  process.exit(1);
}
