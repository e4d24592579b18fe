import { Inngest } from "inngest";
import { getEnv } from "../lib/env.ts";

// Mode: INNGEST_DEV wins when set ("0" = cloud); otherwise a signing key means cloud mode (signatures verified),
// and no key means dev mode, the embedded default where no Inngest server exists at all.
function isDevMode(): boolean {
  const env = getEnv();
  if (env.INNGEST_DEV !== undefined) return !["0", "false", "no"].includes(env.INNGEST_DEV);
  return !env.INNGEST_SIGNING_KEY;
}

export const inngest = new Inngest({
  id: "churnops",
  isDev: isDevMode(),
  signingKey: getEnv().INNGEST_SIGNING_KEY,
  eventKey: getEnv().INNGEST_EVENT_KEY,
  baseUrl: getEnv().INNGEST_BASE_URL,
});
