import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { useDatabase } from "./bench-helpers.ts";
import { closeDb } from "../lib/db/client.ts";
import { query } from "../lib/db/sql.ts";
import { buildWalletFeatures } from "../lib/features/build-wallet-features.ts";
const engine = process.argv[2];
let server;
if (engine === "embedded") { server = await startEmbeddedServer("/tmp/featscratch/pglite"); await useDatabase(server.url); }
else await useDatabase("postgresql://postgres@127.0.0.1:5432/featscratch");
const runs = await query<{ run_id: string }>("SELECT run_id FROM ops.run_lineage WHERE name = 'staging.wallet_payments' ORDER BY created_at");
for (const run of runs) {
  const t0 = performance.now();
  const b = await buildWalletFeatures({ sourceRunId: run.run_id });
  console.log(engine, "wallet build", ((performance.now() - t0) / 1000).toFixed(2), "s", JSON.stringify({ ...b, features: b.features.length }));
}
await closeDb(); await server?.stop(); process.exit(0);
