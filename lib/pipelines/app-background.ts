import { getEnv, isInngestConfigured } from "../env.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { startLocalScheduler, type LocalScheduler } from "./local-scheduler.ts";
import { pipelines } from "./registry.ts";
import { startRun } from "./start-run.ts";

let scheduler: LocalScheduler | undefined;
let recoveryTimer: NodeJS.Timeout | undefined;

// A worker killed while the app runs is noticed within this time, not only at the next start.
const RECOVERY_INTERVAL_MS = 30_000;

async function recoverNow(): Promise<void> {
  try {
    const recovered = await recoverStaleRuns();
    if (recovered.length) console.warn(`churnops: marked ${recovered.length} orphaned run(s) as failed: ${recovered.join(", ")}`);
  } catch (e) {
    console.error("churnops: could not check for orphaned runs:", e);
  }
}

/** What the app process does: fail runs orphaned by a crash (at start, then periodically), run cron schedules. */
export async function startAppBackground(): Promise<void> {
  await recoverNow();
  recoveryTimer ??= setInterval(() => void recoverNow(), RECOVERY_INTERVAL_MS);
  recoveryTimer.unref();
  if (scheduler || isInngestConfigured() || !getEnv().CHURNOPS_SCHEDULER) return;
  scheduler = startLocalScheduler(pipelines, (id) => startRun(id, {}, "schedule", "background"), (id, e) =>
    console.error(`churnops: scheduled run of ${id} could not start:`, e),
  );
}
