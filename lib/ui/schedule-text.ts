/** "30 1 * * *" -> "every day at 01:30 UTC"; other cron shapes are shown as they are. */
export function scheduleText(cron: string): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (!m) return `on the schedule ${cron} (UTC)`;
  return `every day at ${m[2].padStart(2, "0")}:${m[1].padStart(2, "0")} UTC`;
}
