import type { RunTrigger } from "../../db/generated/prisma/enums.ts";
import { startRun, type StartedRun } from "../../pipelines/start-run.ts";
import { confirmDatasetVersion, type ConfirmInput } from "./datasets.ts";
import type { DatasetVersionView } from "./dataset-queries.ts";
import { markVersionRun } from "./load-tabular.ts";

/** Confirms a version's id, target and types, then starts the tabular-load run for it. */
export async function confirmAndStartLoad(
  versionId: string,
  input: ConfirmInput,
  trigger: RunTrigger,
  mode: "background" | "inline" = "background",
): Promise<StartedRun & { version: DatasetVersionView }> {
  const version = await confirmDatasetVersion(versionId, input);
  const started = await startTabularLoad(version.id, trigger, mode);
  return { ...started, version: { ...version, runId: started.runId } };
}

export async function startTabularLoad(versionId: string, trigger: RunTrigger, mode: "background" | "inline" = "background"): Promise<StartedRun> {
  const started = await startRun("tabular-load", { versionId }, trigger, mode);
  await markVersionRun(versionId, started.runId);
  return started;
}
