import { z } from "zod";
import { watchDir } from "../sources/tabular/upload-limits.ts";
import { scanForChanges, type ScanResult } from "../watchdog/scan-for-changes.ts";
import { definePipeline, defineStep } from "./pipeline-definition.ts";
import { jsonObject, toJsonObject } from "./step-outputs.ts";

export const DATA_WATCHDOG = "data-watchdog";

/** At most this many changes are listed in the step output (it is a summary, not a log). */
const MAX_LISTED = 50;

export function scanSummary(result: ScanResult) {
  return toJsonObject({
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
    missing: result.missing.slice(0, MAX_LISTED),
    errors: result.errors.slice(0, MAX_LISTED),
  });
}

export const dataWatchdog = definePipeline({
  id: DATA_WATCHDOG,
  title: "Data watchdog",
  description:
    "Hashes every CSV in CHURNOPS_WATCH_DIR and the file of every stored dataset's latest version, and compares them with what it saw last (ops.watched_files). A new or changed CSV becomes a new dataset version (auto-confirmed when the previous one had the same columns, then loaded) and emits churnops/data.changed (the trigger table loads confirmed versions); no change, no event.",
  params: z.object({}),
  schedule: "30 1 * * *",
  concurrencyKey: () => DATA_WATCHDOG,
  retries: 1,
  steps: [
    defineStep({
      id: "scan",
      title: "Scan for changed data",
      output: jsonObject,
      async run({ signal, progress, emit }) {
        // Each change's event is written with its new hash in one transaction; the trigger table decides what runs.
        const result = await scanForChanges({ watchDir: watchDir(), emit: (event, client) => emit(event, client), signal, onProgress: progress });
        return scanSummary(result);
      },
    }),
  ],
});
