import { getPool } from "../db/client.ts";
import { ensureSchemaReady } from "../db/prepare-database.ts";
import { recoverStaleRuns } from "../pipelines/recover-stale-runs.ts";
import { listRuns } from "../pipelines/run-queries.ts";
import { out, type Command } from "./command.ts";

// Its own module, imported without the rest of the CLI (pipelines, storage, Inngest): `churnops runs` is the
// command people type to look, and it has to answer in about a second. It stays off Prisma unless a run may need
// recovering: Prisma's first query in a process compiles its query engine (WebAssembly), most of a second.
export const runsCommand: Command = {
  options: { limit: { type: "string" }, json: { type: "boolean" } },
  quick: true,
  async run(_p, values) {
    await ensureSchemaReady();
    const { pool } = await getPool();
    const { rowCount } = await pool.query(`SELECT 1 FROM ops.pipeline_runs WHERE executor = 'local' AND status IN ('queued', 'running') LIMIT 1`);
    if (rowCount) await recoverStaleRuns();
    const { runs } = await listRuns({ pageSize: Number(values.limit ?? 20) });
    if (values.json) return out(JSON.stringify(runs, null, 2)), 0;
    for (const r of runs) {
      out(`${r.id}  ${r.pipelineId.padEnd(18)} ${r.status.padEnd(9)} ${r.trigger.padEnd(8)} ${r.createdAt}${r.errorMessage ? `  ${r.errorMessage.slice(0, 80)}` : ""}`);
    }
    return 0;
  },
};
