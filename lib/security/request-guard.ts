import { isRequestAuthorized } from "../auth/admin-auth.ts";
import { getEnv, isLoopbackHost } from "../env.ts";

/**
 * Paths anyone may fetch. Everything else is customer data (pages, CSV downloads, artifacts, runs, datasets) and
 * needs the admin token when one is set. Exact matches only: `/api/health/x` or `/Login` are not public.
 * - `/api/inngest` guards itself: Inngest request signatures, or no endpoint at all (inngest-endpoint-policy.ts).
 * - `/api/openapi.json` describes shapes (paths, schemas), never data, so API tooling can fetch it before it has a token.
 * - Files in `public/` are listed one by one (request-guard.test.ts fails when a new one is missing here).
 */
const PUBLIC_PATHS = new Set(["/login", "/api/login", "/api/health", "/api/inngest", "/api/openapi.json", "/favicon.ico", "/icon.svg", "/robots.txt"]);
// Hashed build output only: letters, digits and a few punctuation marks, no "%", no "..".
const STATIC_ASSET = /^\/_next\/static\/(?!.*\.\.)[A-Za-z0-9._~\-/]+$/;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || STATIC_ASSET.test(pathname);
}

// /metrics is for machines (Prometheus): a refusal is a 401, never a redirect to the login page.
const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/") || pathname === "/metrics";

/**
 * The one request guard (run by proxy.ts before any route): returns the response that refuses the request, or
 * null to let it through.
 *
 * 1. A path whose percent-encoding is malformed (`%zz`, overlong UTF-8 such as `%c0%ae`) is a 400, for every route
 *    (Next's own param decoding would answer 500).
 * 2. Public paths (isPublicPath) pass.
 * 3. Without CHURNOPS_ADMIN_TOKEN, only a server bound to loopback serves data; bound elsewhere (or to an unknown
 *    address, CHURNOPS_BOUND_HOST unset) it answers 403 to everything non-public. `churnops serve` refuses to
 *    start that way; this is the server's own check for when it is started some other way.
 * 4. With a token: the admin cookie or `Authorization: Bearer` passes; otherwise APIs get 401 JSON and pages a
 *    redirect to `/login?next=<the page>`.
 *
 * Mutating routes keep their own requireAdmin() check as well, so a matcher mistake cannot open them.
 */
export function guardRequest(req: Request): Response | null {
  const url = new URL(req.url);
  const { pathname } = url;
  const api = isApiPath(pathname);
  if (!isWellEncoded(pathname)) {
    return refuse(api, 400, "INVALID_INPUT", "The address contains a malformed percent-encoding (for example %zz, or an overlong UTF-8 sequence such as %c0%ae). To fix: encode the path as UTF-8 with encodeURIComponent.");
  }
  if (isPublicPath(pathname)) return null;

  const env = getEnv();
  if (!env.CHURNOPS_ADMIN_TOKEN) {
    const bound = env.CHURNOPS_BOUND_HOST;
    if (bound !== undefined && isLoopbackHost(bound)) return null;
    const where = bound === undefined ? "an address it does not know (CHURNOPS_BOUND_HOST is unset: it was not started by `churnops serve`)" : bound;
    return refuse(api, 403, "FORBIDDEN", `This server listens on ${where} and has no CHURNOPS_ADMIN_TOKEN, so it serves no customer data: anyone on the network could read it. To fix: set CHURNOPS_ADMIN_TOKEN and restart, or serve on 127.0.0.1 with \`churnops serve\`.`);
  }
  if (isRequestAuthorized(req)) return null;
  if (api) {
    return refuse(true, 401, "UNAUTHORIZED", "Reading this needs the admin token. To fix: sign in at /login, or send `Authorization: Bearer <CHURNOPS_ADMIN_TOKEN>`.");
  }
  const login = new URL("/login", url);
  const back = new URLSearchParams(url.search);
  back.delete("_rsc"); // Next's client-navigation marker, not part of the page
  login.searchParams.set("next", back.size ? `${pathname}?${back}` : pathname);
  return new Response(null, { status: 307, headers: { location: login.toString(), "cache-control": "no-store" } });
}

function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function refuse(api: boolean, status: number, error: string, message: string): Response {
  const headers = { "cache-control": "no-store" };
  if (api) return Response.json({ error, message }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
