import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { useDatabase } from "./bench-helpers.ts";
import { closeDb } from "../lib/db/client.ts";
import { query } from "../lib/db/sql.ts";
import { buildElearningFeatures } from "../lib/features/build-elearning-features.ts";
const engine = process.argv[2];
let server;
if (engine === "embedded") { server = await startEmbeddedServer("/tmp/featscratch/pglite"); await useDatabase(server.url); }
else await useDatabase("postgresql://postgres@127.0.0.1:5432/featscratch");
const [run] = await query<{ run_id: string }>("SELECT run_id FROM ops.run_lineage WHERE name = 'staging.elearning_events' ORDER BY created_at DESC LIMIT 1");
for (let i = 0; i < Number(process.argv[3] ?? 1); i++) {
  let t0 = performance.now();
  await query("SELECT count(*) FROM snapshots.elearning_events__" + run.run_id.replaceAll("-", "").slice(0, 12));
  const ref = performance.now() - t0;
  t0 = performance.now();
  const b = await buildElearningFeatures({ sourceRunId: run.run_id });
  console.log(engine, "build", ((performance.now() - t0) / 1000).toFixed(2), "s; count(*) ref", (ref / 1000).toFixed(3), "s", b.rows, b.labelledRows, b.users, b.lastDay);
}
await closeDb(); await server?.stop(); process.exit(0);
