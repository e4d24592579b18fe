import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { useDatabase } from "./bench-helpers.ts";
import { closeDb } from "../lib/db/client.ts";
import { query } from "../lib/db/sql.ts";
import { loadTrainingFrame } from "../lib/features/load-training-frame.ts";
const engine = process.argv[2];
let server;
if (engine === "embedded") { server = await startEmbeddedServer("/tmp/featscratch/pglite"); await useDatabase(server.url); }
else await useDatabase("postgresql://postgres@127.0.0.1:5432/featscratch");
const [run] = await query<{ source_run_id: string }>("SELECT source_run_id FROM features.feature_builds WHERE feature_table = 'features.elearning_user_day' LIMIT 1");
const m0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const { frame } = await loadTrainingFrame({ source: "elearning", sourceRunId: run.source_run_id });
console.log(engine, "frame", ((performance.now() - t0) / 1000).toFixed(2), "s", frame.rows, frame.columns.length, "heap MB", ((process.memoryUsage().heapUsed - m0) / 1e6).toFixed(0), "rss", (process.memoryUsage().rss / 1e6).toFixed(0));
console.log(frame.columns.slice(0, 8).map((c) => [c.name, c.kind, c.values[0], c.values[100]]));
await closeDb(); await server?.stop(); process.exit(0);
