import { Cron } from "croner";

/** Next fire time of a 5-field cron expression (UTC), or null if it never fires. */
export function nextRunOf(expression: string, from = new Date()): Date | null {
  return new Cron(expression, { timezone: "UTC", paused: true }).nextRun(from);
}
