import { getEnv, isInngestConfigured } from "../env.ts";
import { errorMessage } from "../errors.ts";
import { pipelines } from "./catalog.ts";
import { dispatchPendingEvents } from "./dispatch-events.ts";
import { recoverStaleRuns } from "./recover-stale-runs.ts";
import { startLocalScheduler, type LocalScheduler } from "./local-scheduler.ts";
import { startRun } from "./start-run.ts";

let scheduler: LocalScheduler | undefined;
let timers: NodeJS.Timeout[] = [];

// A worker killed while the app runs is noticed within this time, not only at the next start.
const RECOVERY_INTERVAL_MS = 30_000;
// Events a step could not deliver (or emitted by a run that died) are retried this often.
const DISPATCH_INTERVAL_MS = 5_000;

async function recoverNow(): Promise<void> {
  try {
    const recovered = await recoverStaleRuns();
    if (recovered.length) console.warn(`churnops: marked ${recovered.length} orphaned run(s) as failed: ${recovered.join(", ")}`);
  } catch (e) {
    console.error("churnops: could not check for orphaned runs:", errorMessage(e));
  }
}

let dispatching = false;
async function dispatchNow(): Promise<void> {
  if (dispatching) return;
  dispatching = true;
  try {
    for (const d of await dispatchPendingEvents()) {
      if (d.error) console.warn(`churnops: event ${d.name} (${d.id}) not delivered yet: ${d.error}`);
    }
  } catch (e) {
    console.error("churnops: could not dispatch pending events:", errorMessage(e));
  } finally {
    dispatching = false;
  }
}

function every(ms: number, fn: () => Promise<void>): void {
  const timer = setInterval(() => void fn(), ms);
  timer.unref();
  timers.push(timer);
}

/**
 * What a long-lived churnops process does in the background (the app, and `churnops worker`): the sweeper (runs
 * orphaned by a crash are failed, at start and periodically), the outbox dispatcher, and, without Inngest and when
 * asked for, the local cron schedules.
 */
export async function startAppBackground(options: { schedules?: boolean } = {}): Promise<void> {
  await recoverNow();
  if (!timers.length) {
    every(RECOVERY_INTERVAL_MS, recoverNow);
    every(DISPATCH_INTERVAL_MS, dispatchNow);
    void dispatchNow();
  }
  if (scheduler || options.schedules === false || isInngestConfigured() || !getEnv().CHURNOPS_SCHEDULER) return;
  scheduler = startLocalScheduler(pipelines, (id) => startRun(id, {}, "schedule", "background"), (id, e) =>
    console.error(`churnops: scheduled run of ${id} could not start:`, e),
  );
}

export function stopAppBackground(): void {
  timers.forEach(clearInterval);
  timers = [];
  scheduler?.stop();
  scheduler = undefined;
}
