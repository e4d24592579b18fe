import { Inngest } from "inngest";
import { getEnv } from "../env.ts";
import { isInngestDevMode } from "../security/inngest-endpoint-policy.ts";

// The one Inngest client: lib/ sends events with it (run requests, outbox delivery) and inngest/ builds the
// functions on it. It lives here, not in inngest/, so lib/ never imports inngest/.

// Mode: dev (no signature checks) only with an explicit INNGEST_DEV=1, else cloud mode (signatures verified). The
// same function decides whether an Inngest endpoint may exist (lib/security/inngest-endpoint-policy.ts).
function createClient() {
  const env = getEnv();
  return new Inngest({ id: "churnops", isDev: isInngestDevMode(env), signingKey: env.INNGEST_SIGNING_KEY, eventKey: env.INNGEST_EVENT_KEY, baseUrl: env.INNGEST_BASE_URL });
}

let client: ReturnType<typeof createClient> | undefined;

/** Created on first use, so the CLI and tests can set variables before the mode is decided. */
export function inngestClient(): ReturnType<typeof createClient> {
  client ??= createClient();
  return client;
}

/** Sends events to the Inngest server; the id makes a retried send a no-op (Inngest deduplicates ids for 24 h). */
export async function sendToInngest(events: readonly { id?: string; name: string; data: Record<string, unknown> }[]): Promise<void> {
  if (!events.length) return;
  await inngestClient().send(events.map((e) => ({ ...(e.id ? { id: e.id } : {}), name: e.name, data: e.data })));
}

/** Forget the client (tests and the CLI change INNGEST_* variables at run time, with resetEnvCache). */
export function resetInngestClient(): void {
  client = undefined;
}
