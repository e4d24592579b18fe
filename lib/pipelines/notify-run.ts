import { getEnv } from "../env.ts";

/** How long a notification may take before the step gives up (the receiver is someone else's service). */
export const NOTIFY_TIMEOUT_MS = 10_000;

export interface NotifyResult {
  delivered: boolean;
  /** "POST <url> → <status>" or the log line written instead */
  note: string;
}

/**
 * Announces a finished run: POSTs `payload` as JSON to CHURNOPS_NOTIFY_URL when it is set (a non-2xx answer or a
 * timeout fails the step, so a lost notification shows on the run), otherwise writes one log line to stderr (the run's log
 * under the local executor). Deliveries are at least once: a retried step posts again.
 */
export async function notifyRun(payload: { pipeline: string; runId: string; summary: string } & Record<string, unknown>, signal?: AbortSignal): Promise<NotifyResult> {
  const url = getEnv().CHURNOPS_NOTIFY_URL;
  if (!url) {
    const line = `churnops notify: ${payload.pipeline} run ${payload.runId}: ${payload.summary} (CHURNOPS_NOTIFY_URL is not set, so this line is the notification)`;
    // stderr: under `churnops run --json` stdout carries only the run's JSON (a worker's log file gets both).
    process.stderr.write(`${line}\n`);
    return { delivered: false, note: line };
  }
  const timeout = AbortSignal.timeout(NOTIFY_TIMEOUT_MS);
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  }).catch((e: unknown) => {
    throw new Error(`The notification to ${new URL(url).origin} could not be sent (${e instanceof Error ? e.message : String(e)}). The data is merged; only the notification is missing. To fix: check CHURNOPS_NOTIFY_URL and that the receiver is up, then run again (the merge is idempotent).`);
  });
  await res.body?.cancel();
  if (!res.ok) {
    throw new Error(`The notification receiver answered HTTP ${res.status}. The data is merged; only the notification is missing. To fix: check the receiver at CHURNOPS_NOTIFY_URL, then run again (the merge is idempotent).`);
  }
  return { delivered: true, note: `POST ${new URL(url).origin}${new URL(url).pathname} → ${res.status}` };
}
