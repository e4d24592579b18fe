import { createHash } from "node:crypto";
import type { StagingOutput } from "../lineage/index.ts";
import type { StepContext } from "./pipeline-definition.ts";

export type LoadedSource = "elearning" | "wallet" | "tabular";

/**
 * Announces that a load replaced a source's staging data: `data.changed` with the hash of the new snapshots'
 * checksums, so the trigger table can retrain on exactly these rows (data.changed → train-*).
 */
export async function announceLoad(ctx: Pick<StepContext<unknown>, "runId" | "emit">, source: LoadedSource, outputs: readonly StagingOutput[], dataset?: string): Promise<void> {
  const sha256 = createHash("sha256")
    .update(outputs.map((o) => `${o.table}\t${o.rowCount}\t${o.checksum}`).join("\n"))
    .digest("hex");
  await ctx.emit({
    name: "churnops/data.changed",
    data: { path: `staging/${source}${dataset ? `/${dataset}` : ""}`, sha256, source, runId: ctx.runId, ...(dataset ? { dataset } : {}) },
  });
}
