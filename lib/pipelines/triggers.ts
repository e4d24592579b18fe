import { getDb } from "../db/client.ts";
import type { EventData, EventName } from "../events/event-catalog.ts";
import { getEnv } from "../env.ts";
import { TABULAR_LOAD } from "./tabular-load.ts";
import { TRAIN_ELEARNING } from "./train-elearning.ts";
import { TRAIN_TABLE } from "./train-table.ts";
import { TRAIN_WALLET } from "./train-wallet.ts";

// Which events start which pipelines, beside the catalogue. Under Inngest each line becomes a function triggered by
// the event; locally the dispatcher reads the same lines. A pipeline definition never starts another pipeline.

export interface Trigger<N extends EventName = EventName> {
  /** Stable id (the Inngest function id is derived from it). */
  id: string;
  on: N;
  pipeline: string;
  description: string;
  /** The run's params for this event, or null when the event does not concern the pipeline. */
  params(data: EventData<N>): Promise<Record<string, unknown> | null>;
}

function defineTrigger<N extends EventName>(trigger: Trigger<N>): Trigger<N> {
  return trigger;
}

export const triggers = [
  defineTrigger({
    id: "data-changed-load-table",
    on: "churnops/data.changed",
    pipeline: TABULAR_LOAD,
    description: "a new dataset version that is confirmed (auto-confirmed by the watchdog) is loaded",
    async params(data) {
      // A load's own announcement (runId set) is not a new file to load.
      if (!data.versionId || data.runId) return null;
      const { prisma } = await getDb();
      const version = await prisma.datasetVersion.findUnique({ where: { id: data.versionId }, select: { status: true } });
      // Drafts wait for a user to confirm their types; loaded versions are not reloaded.
      return version?.status === "confirmed" ? { versionId: data.versionId } : null;
    },
  }),
  defineTrigger({
    id: "data-changed-train-elearning",
    on: "churnops/data.changed",
    pipeline: TRAIN_ELEARNING,
    description: "a load that replaced the e-learning data retrains the e-learning model on it (CHURNOPS_TRAIN_ON_DATA_CHANGE)",
    params: async (data) => (data.source === "elearning" && data.runId && getEnv().CHURNOPS_TRAIN_ON_DATA_CHANGE ? { sourceRunId: data.runId } : null),
  }),
  defineTrigger({
    id: "data-changed-train-wallet",
    on: "churnops/data.changed",
    pipeline: TRAIN_WALLET,
    description: "a load that replaced the wallet data retrains the wallet model on it (CHURNOPS_TRAIN_ON_DATA_CHANGE)",
    params: async (data) => (data.source === "wallet" && data.runId && getEnv().CHURNOPS_TRAIN_ON_DATA_CHANGE ? { sourceRunId: data.runId } : null),
  }),
  defineTrigger({
    id: "data-changed-train-table",
    on: "churnops/data.changed",
    pipeline: TRAIN_TABLE,
    description: "a loaded dataset version retrains that dataset's model (CHURNOPS_TRAIN_ON_DATA_CHANGE)",
    params: async (data) => (data.source === "tabular" && data.dataset && getEnv().CHURNOPS_TRAIN_ON_DATA_CHANGE ? { dataset: data.dataset } : null),
  }),
  ...(["elearning", "wallet", "table"] as const).map((kind) =>
    defineTrigger({
      id: `drift-detected-retrain-${kind}`,
      on: "churnops/drift.detected",
      pipeline: kind === "elearning" ? TRAIN_ELEARNING : kind === "wallet" ? TRAIN_WALLET : TRAIN_TABLE,
      description: `a drift FAIL on the ${kind === "table" ? "uploaded tables" : kind} data retrains that model (CHURNOPS_RETRAIN_ON_DRIFT)`,
      async params(data) {
        if (data.status !== "fail" || !getEnv().CHURNOPS_RETRAIN_ON_DRIFT) return null;
        if (kind === "table") return data.dataset.startsWith("table:") ? { dataset: data.dataset.slice("table:".length) } : null;
        return data.dataset === kind ? {} : null;
      },
    }),
  ),
] as const;

export function triggersFor(eventName: string): readonly Trigger[] {
  return (triggers as readonly Trigger[]).filter((t) => t.on === eventName);
}
