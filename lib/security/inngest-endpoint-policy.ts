import { isLoopbackHost, type Env } from "../env.ts";

/**
 * Whether this process may serve the Inngest functions over HTTP (`/api/inngest` in the web app, and the
 * `churnops worker` process), and in which mode. A served function runs pipeline steps with parameters taken from
 * the request, so the endpoint must never answer an unauthenticated caller:
 *
 * - Inngest not configured (none of INNGEST_DEV, INNGEST_BASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY set):
 *   `{ enabled: false }`. Runs use the local executor and the endpoint does not exist (404).
 * - Dev mode (the SDK skips signature checks): only with an explicit INNGEST_DEV=1 (or true/yes/on, or the dev
 *   server's URL) AND a loopback bind. INNGEST_DEV on a server reachable from the network is a config error.
 * - Otherwise cloud mode (self-hosted or Inngest Cloud): every request must be signed, so INNGEST_SIGNING_KEY is
 *   required; without it this is a config error, never an endpoint that executes unsigned calls.
 *
 * Call it at start-up (so a bad configuration stops the process) and per request (so a misconfigured server
 * answers 500 with the reason instead of running anything). It is pure: pass the parsed env and the address the
 * HTTP server listens on (undefined = unknown, which counts as not loopback).
 *
 * @throws {InngestEndpointConfigError} when the configuration is unsafe or inconsistent
 * @example inngestEndpointPolicy({ env: getEnv(), boundHost: getEnv().CHURNOPS_BOUND_HOST })
 */
export function inngestEndpointPolicy({ env, boundHost }: { env: InngestEnv; boundHost: string | undefined }): InngestEndpointPolicy {
  if (!isInngestEndpointConfigured(env)) {
    return {
      enabled: false,
      reason: "Inngest is not configured on this server (INNGEST_DEV, INNGEST_BASE_URL, INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY are unset), so runs use the local executor and there is no Inngest endpoint.",
    };
  }
  if (isInngestDevMode(env)) {
    if (boundHost === undefined || !isLoopbackHost(boundHost)) {
      const where = boundHost === undefined ? "an unknown address (CHURNOPS_BOUND_HOST is unset)" : boundHost;
      throw new InngestEndpointConfigError(
        `INNGEST_DEV turns off Inngest's request signatures, but this server listens on ${where}: anyone who can reach it could run pipelines. To fix: bind to 127.0.0.1 (churnops serve --host 127.0.0.1), or unset INNGEST_DEV and set INNGEST_SIGNING_KEY for a real Inngest server.`,
      );
    }
    return { enabled: true, mode: "dev" };
  }
  if (!env.INNGEST_SIGNING_KEY) {
    throw new InngestEndpointConfigError(
      "Inngest is configured (INNGEST_BASE_URL or INNGEST_EVENT_KEY is set) without INNGEST_SIGNING_KEY, so requests to the Inngest endpoint cannot be verified. To fix: set INNGEST_SIGNING_KEY to the Inngest server's signing key, or set INNGEST_DEV=1 for a local dev server on a loopback bind.",
    );
  }
  return { enabled: true, mode: "cloud" };
}

export type InngestEndpointPolicy = { enabled: false; reason: string } | { enabled: true; mode: "dev" | "cloud" };

export type InngestEnv = Pick<Env, "INNGEST_DEV" | "INNGEST_BASE_URL" | "INNGEST_EVENT_KEY" | "INNGEST_SIGNING_KEY">;

/** A configuration under which serving the Inngest functions would be unsafe; the message says what to change. */
export class InngestEndpointConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InngestEndpointConfigError";
  }
}

const DEV_ON = new Set(["1", "true", "yes", "on"]);
const DEV_OFF = new Set(["0", "false", "no", "off"]);

/**
 * Dev mode only when INNGEST_DEV says so explicitly (the Inngest client uses this too, so the SDK's mode and the
 * policy never disagree). A URL is the dev server's address, as the SDK accepts it.
 * @throws {InngestEndpointConfigError} for a value that is neither on, off nor a URL
 */
export function isInngestDevMode(env: Pick<Env, "INNGEST_DEV">): boolean {
  const value = env.INNGEST_DEV?.trim().toLowerCase();
  if (value === undefined || value === "" || DEV_OFF.has(value)) return false;
  if (DEV_ON.has(value) || /^https?:\/\//.test(value)) return true;
  throw new InngestEndpointConfigError(`INNGEST_DEV="${env.INNGEST_DEV}" is not understood. To fix: use INNGEST_DEV=1 (local dev server), INNGEST_DEV=0 (signed requests), or unset it.`);
}

/** Any Inngest variable set: the operator meant Inngest to be used, so a missing piece is an error, not a fallback. */
export function isInngestEndpointConfigured(env: InngestEnv): boolean {
  return Boolean(env.INNGEST_DEV || env.INNGEST_BASE_URL || env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY);
}
