// scratch: load default sample data on an engine; prints run ids
import path from "node:path";
import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { migrate, useDatabase, freshDatabase } from "../bench/bench-helpers.ts";
import { startRun } from "../lib/pipelines/start-run.ts";
import { runLocally } from "../lib/pipelines/local-executor.ts";
import { closeDb } from "../lib/db/client.ts";
const engine = process.argv[2];
process.env.CHURNOPS_HOME = "/tmp/featscratch/home-" + engine;
let server;
if (engine === "embedded") { server = await startEmbeddedServer("/tmp/featscratch/pglite"); await migrate(server.url); await useDatabase(server.url); }
else { const url = "postgresql://postgres@127.0.0.1:5432/featscratch"; await migrate(url); await useDatabase(url); }
for (const [p, params] of [["elearning-sample", {}], ["wallet-sample", {}], ["wallet-sample", { includePayments: false, buyers: 5000 }]] as const) {
  const t0 = performance.now();
  const { runId } = await startRun(p, params, "cli", "inline");
  const out = await runLocally(runId);
  console.log(p, JSON.stringify(params), runId, out.status, ((performance.now() - t0) / 1000).toFixed(1), "s");
}
await closeDb(); await server?.stop();
process.exit(0);
