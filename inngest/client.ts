import { Inngest } from "inngest";
import { getEnv } from "../lib/env.ts";
import { isInngestDevMode } from "../lib/security/inngest-endpoint-policy.ts";

// Mode: dev (no signature checks) only with an explicit INNGEST_DEV=1, else cloud mode (signatures verified).
// The same function decides whether /api/inngest may exist (lib/security/inngest-endpoint-policy.ts).
export const inngest = new Inngest({
  id: "churnops",
  isDev: isInngestDevMode(getEnv()),
  signingKey: getEnv().INNGEST_SIGNING_KEY,
  eventKey: getEnv().INNGEST_EVENT_KEY,
  baseUrl: getEnv().INNGEST_BASE_URL,
});
