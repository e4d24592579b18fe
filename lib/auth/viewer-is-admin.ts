import "server-only";
import { cookies } from "next/headers";
import { ADMIN_COOKIE, isAuthRequired, isValidAdminCookie } from "./admin-auth.ts";

/**
 * Whether the page's viewer is an admin: may use admin actions (promote, rollback) and see server internals (stack
 * traces with file paths). Anyone when no token is configured (the app then serves loopback only, like the API
 * routes' requireAdmin), else a browser signed in with the admin cookie. Only decides what the page shows; the
 * routes check again.
 */
export async function viewerIsAdmin(): Promise<boolean> {
  if (!isAuthRequired()) return true;
  return isValidAdminCookie((await cookies()).get(ADMIN_COOKIE)?.value);
}
