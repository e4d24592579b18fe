import { getDb } from "../db/client.ts";
import { errorMessage } from "../errors.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import type { DataChangedEvent, EmitDataChanged } from "./scan-for-changes.ts";

export interface StartedLoad {
  versionId: string;
  runId: string;
  status?: string;
}

/**
 * What a churnops/data.changed event does without an Inngest consumer: when the event names a confirmed version
 * (a watchdog version auto-confirmed from the previous one), start the tabular-load pipeline for it. "inline"
 * (the CLI) runs the load in this process and waits; "background" hands it to a worker (or to Inngest, when
 * configured: startRun picks the executor). Drafts wait for a user to confirm them; loaded versions are not
 * reloaded.
 */
export function startLoadOnDataChanged(mode: "background" | "inline", started: StartedLoad[] = []): EmitDataChanged {
  return async (event: DataChangedEvent) => {
    const versionId = event.data.versionId;
    if (!versionId) return;
    const { prisma } = await getDb();
    const version = await prisma.datasetVersion.findUnique({ where: { id: versionId }, select: { status: true } });
    if (version?.status !== "confirmed") return;
    try {
      const { runId, executor } = await startTabularLoad(versionId, "event", mode);
      const entry: StartedLoad = { versionId, runId };
      if (mode === "inline" && executor === "local") entry.status = (await runLocally(runId)).status;
      started.push(entry);
    } catch (e) {
      started.push({ versionId, runId: "", status: `not started: ${errorMessage(e)}` });
    }
  };
}
