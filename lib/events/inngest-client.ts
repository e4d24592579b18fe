import { Inngest } from "inngest";
import { getEnv } from "../env.ts";

// The one Inngest client: lib/ sends events with it (run requests, outbox delivery) and inngest/ builds the
// functions on it. It lives here, not in inngest/, so lib/ never imports inngest/.

// Mode: INNGEST_DEV wins when set ("0" = cloud); otherwise a signing key means cloud mode (signatures verified),
// and no key means dev mode, the embedded default where no Inngest server exists at all.
function isDevMode(): boolean {
  const env = getEnv();
  if (env.INNGEST_DEV !== undefined) return !["0", "false", "no"].includes(env.INNGEST_DEV);
  return !env.INNGEST_SIGNING_KEY;
}

function createClient() {
  const env = getEnv();
  return new Inngest({ id: "churnops", isDev: isDevMode(), signingKey: env.INNGEST_SIGNING_KEY, eventKey: env.INNGEST_EVENT_KEY, baseUrl: env.INNGEST_BASE_URL });
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
