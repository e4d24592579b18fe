import "server-only";
import crypto from "node:crypto";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";

// With CHURNOPS_ADMIN_TOKEN set, every request for customer data needs it (the one guard, lib/security/request-guard.ts
// run by proxy.ts) and mutating routes check it again (requireAdmin): browsers carry a cookie set by /login (the
// cookie holds a hash of the token, never the token), API clients and the CLI send `Authorization: Bearer <token>`.
// Without a token the app only serves data on loopback (`churnops serve` refuses anything else, the guard too).

export const ADMIN_COOKIE = "churnops_admin";

const digest = (s: string) => crypto.createHash("sha256").update(`churnops-admin:${s}`).digest("hex");

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function isAuthRequired(): boolean {
  return Boolean(getEnv().CHURNOPS_ADMIN_TOKEN);
}

/** The value stored in the admin cookie after a successful login. */
export function adminCookieValue(): string {
  const token = getEnv().CHURNOPS_ADMIN_TOKEN;
  if (!token) throw new Error("no admin token configured");
  return digest(token);
}

export function isValidAdminToken(candidate: string): boolean {
  const token = getEnv().CHURNOPS_ADMIN_TOKEN;
  return Boolean(token) && safeEqual(digest(candidate), digest(token!));
}

export function isValidAdminCookie(value: string | undefined): boolean {
  return Boolean(value) && isAuthRequired() && safeEqual(value!, adminCookieValue());
}

function cookieFrom(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // a malformed cookie is no cookie, not a server error
    }
  }
  return undefined;
}

export function isRequestAuthorized(req: Request): boolean {
  if (!isAuthRequired()) return true;
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ") && isValidAdminToken(auth.slice(7).trim())) return true;
  return isValidAdminCookie(cookieFrom(req.headers.get("cookie"), ADMIN_COOKIE));
}

export function requireAdmin(req: Request): void {
  if (!isRequestAuthorized(req)) {
    throw new AppError("UNAUTHORIZED", "This action needs the admin token. To fix: sign in at /login, or send `Authorization: Bearer <CHURNOPS_ADMIN_TOKEN>`.", 401);
  }
}
