import { z } from "zod";
import { DATA_CHANGED_EVENT } from "../../inngest/events.ts";
import { isInngestConfigured } from "../env.ts";
import { watchDir } from "../sources/tabular/upload-limits.ts";
import { startLoadOnDataChanged, type StartedLoad } from "../watchdog/data-changed-emitter.ts";
import { scanForChanges, type EmitDataChanged, type ScanResult } from "../watchdog/scan-for-changes.ts";
import { definePipeline, type Json } from "./pipeline-definition.ts";

export const DATA_WATCHDOG = "data-watchdog";

/** At most this many changes are listed in the step output (it is a summary, not a log). */
const MAX_LISTED = 50;

export function scanSummary(result: ScanResult, loads: readonly StartedLoad[] = []): Json {
  return {
    watchDir: result.watchDir,
    filesChecked: result.filesChecked,
    datasetsChecked: result.datasetsChecked,
    unchanged: result.unchanged,
    changed: result.changes.length,
    events: result.changes.filter((c) => c.emitted).length,
    changes: result.changes.slice(0, MAX_LISTED).map((c) => ({
      path: c.path, kind: c.kind, change: c.change, sha256: c.sha256, bytes: c.bytes,
      datasetId: c.datasetId ?? null, versionId: c.versionId ?? null, version: c.version ?? null, status: c.status ?? null,
      autoConfirmed: c.autoConfirmed ?? false, note: c.note ?? null, error: c.error ?? null,
    })),
    loadsStarted: loads.map((l) => ({ versionId: l.versionId, runId: l.runId || null, status: l.status ?? null })),
    missing: result.missing.slice(0, MAX_LISTED),
    errors: result.errors.slice(0, MAX_LISTED),
  };
}

/**
 * Where churnops/data.changed goes from the scheduled scan: to Inngest when it is configured (the
 * on-data-changed function consumes it), else straight to its local consumer (start tabular-load for a confirmed
 * version in a worker).
 */
export function dataChangedEmitter(loads: StartedLoad[]): EmitDataChanged {
  if (!isInngestConfigured()) return startLoadOnDataChanged("background", loads);
  return async (event) => {
    const { inngest } = await import("../../inngest/client.ts");
    await inngest.send({ name: DATA_CHANGED_EVENT, data: event.data });
  };
}

export const dataWatchdog = definePipeline({
  id: DATA_WATCHDOG,
  title: "Data watchdog",
  description:
    "Hashes every CSV in CHURNOPS_WATCH_DIR and the file of every stored dataset's latest version, and compares them with what it saw last (ops.watched_files). A new or changed CSV becomes a new dataset version (auto-confirmed when the previous one had the same columns, then loaded) and emits churnops/data.changed; no change, no event.",
  params: z.object({}),
  schedule: "30 1 * * *",
  concurrencyKey: () => DATA_WATCHDOG,
  retries: 1,
  steps: [
    {
      id: "scan",
      title: "Scan for changed data",
      async run({ signal, progress }) {
        const loads: StartedLoad[] = [];
        const result = await scanForChanges({ watchDir: watchDir(), emit: dataChangedEmitter(loads), signal, onProgress: progress });
        return scanSummary(result, loads);
      },
    },
  ],
});
