import { setTimeout as sleep } from "node:timers/promises";
import type { ParseArgsConfig } from "node:util";
import { ensureSchemaReady } from "../db/prepare-database.ts";
import { AppError } from "../errors.ts";
import { recoverStaleRuns } from "../pipelines/recover-stale-runs.ts";
import { watchDir } from "../sources/tabular/upload-limits.ts";
import { enqueueEvents } from "../events/outbox.ts";
import { dispatchPendingEvents } from "../pipelines/dispatch-events.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { scanForChanges, type ScanResult } from "./scan-for-changes.ts";

// `churnops watch [--once] [--interval S] [--json]`: scan CHURNOPS_WATCH_DIR and the stored datasets, print what
// changed; each change's churnops/data.changed goes through the outbox, and the dispatcher then starts what the
// trigger table says (an auto-confirmed version is loaded here, inline). Without --once it rescans
// every --interval seconds (default 60) until Ctrl-C. Exit 0, or 1 when a scan reported errors (--once).

export const WATCH_OPTIONS = {
  once: { type: "boolean" },
  interval: { type: "string" },
  json: { type: "boolean" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export const WATCH_USAGE = "usage: churnops watch [--once] [--interval SECONDS] [--json]";

type Out = (line: string) => void;
const stdout: Out = (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);

/** A load the dispatcher started for a changed version. */
export interface StartedLoad {
  versionId: string;
  runId: string;
  status?: string;
}

export function formatScan(result: ScanResult, loads: readonly StartedLoad[]): string[] {
  const lines: string[] = [];
  for (const c of result.changes) {
    const target = c.versionId ? `  -> ${c.kind === "dataset" ? "stored file of" : "dataset"} version ${c.version ?? "?"} (${c.status ?? "unchanged"}${c.autoConfirmed ? ", auto-confirmed" : ""})` : "";
    const load = loads.find((l) => l.versionId === c.versionId);
    lines.push(`${c.change.padEnd(8)} ${c.path}  sha256 ${c.sha256.slice(0, 12)}${target}${load ? `; load run ${load.runId || "-"} ${load.status ?? "started"}` : ""}`);
    if (c.note) lines.push(`         ${c.note}`);
    if (c.error) lines.push(`         error: ${c.error}`);
  }
  for (const m of result.missing) lines.push(`missing  ${m}`);
  for (const e of result.errors.filter((e) => !result.changes.some((c) => c.path === e.path))) lines.push(`error    ${e.path}: ${e.message}`);
  const where = result.watchDir ? `${result.filesChecked} file(s) in ${result.watchDir}` : "no CHURNOPS_WATCH_DIR";
  lines.push(`${result.changes.length ? `${result.changes.length} change(s)` : "no changes"}: ${where}, ${result.datasetsChecked} stored dataset(s) checked`);
  return lines;
}

export async function watchCommand(values: Record<string, unknown>, out: Out = stdout): Promise<number> {
  const intervalSeconds = values.interval === undefined ? 60 : Number(values.interval);
  if (!Number.isFinite(intervalSeconds) || intervalSeconds < 1) throw new AppError("INVALID_INPUT", `--interval must be a number of seconds >= 1. ${WATCH_USAGE}`);
  await ensureSchemaReady();
  await recoverStaleRuns();
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    for (;;) {
      let result: ScanResult;
      try {
        result = await scanForChanges({ watchDir: watchDir(), emit: async (event, client) => void (await enqueueEvents([event], { client })), signal: stop.signal });
      } catch (e) {
        if (stop.signal.aborted) return 0; // Ctrl-C during a scan: what was recorded stays recorded
        throw e;
      }
      const loads: StartedLoad[] = (await dispatchPendingEvents({ runInline: (runId) => runLocally(runId, { signal: stop.signal }) })).flatMap((d) =>
        d.runs.map((r) => ({ versionId: String(d.data.versionId ?? ""), runId: r.runId, status: r.status })),
      );
      if (values.json) out(JSON.stringify({ ...result, loads }));
      else for (const line of formatScan(result, loads)) out(line);
      if (values.once) return result.errors.length ? 1 : 0;
      await sleep(intervalSeconds * 1000, undefined, { signal: stop.signal }).catch(() => {});
      if (stop.signal.aborted) return 0;
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
