import { useSnapshot } from "../../lineage/index.ts";
import type { TrainingTarget } from "./training-target.ts";

/** Reads a load run's staging snapshots as this training run's inputs (lineage; retention then keeps them). */
export async function useSnapshots(runId: string, sourceRunId: string, tables: readonly string[]): Promise<TrainingTarget["snapshots"]> {
  const out: TrainingTarget["snapshots"] = [];
  for (const table of tables) {
    const ref = await useSnapshot(runId, sourceRunId, table);
    out.push({ table: ref.table, runId: ref.runId, relation: ref.relation, rowCount: ref.rowCount, checksum: ref.checksum });
  }
  return out;
}

/** Form fields send "" for "not given". */
export const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
