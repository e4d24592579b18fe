import { getEnv, isInngestConfigured } from "../env.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { startLocalScheduler, type LocalScheduler } from "./local-scheduler.ts";
import { pipelines } from "./registry.ts";
import { startRun } from "./start-run.ts";

let scheduler: LocalScheduler | undefined;

/** What the app process does once at start: fail runs orphaned by a crash, and run cron schedules locally. */
export async function startAppBackground(): Promise<void> {
  try {
    const recovered = await recoverStaleRuns();
    if (recovered.length) console.warn(`churnops: marked ${recovered.length} orphaned run(s) as failed: ${recovered.join(", ")}`);
  } catch (e) {
    console.error("churnops: could not check for orphaned runs:", e);
  }
  if (scheduler || isInngestConfigured() || !getEnv().CHURNOPS_SCHEDULER) return;
  scheduler = startLocalScheduler(pipelines, (id) => startRun(id, {}, "schedule", "background"), (id, e) =>
    console.error(`churnops: scheduled run of ${id} could not start:`, e),
  );
}

export function localSchedulerJobs() {
  return scheduler?.jobs ?? [];
}
