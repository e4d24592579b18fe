import "server-only";
import { cookies } from "next/headers";
import { ADMIN_COOKIE, isAuthRequired, isValidAdminCookie } from "../auth/admin-auth.ts";

/**
 * Whether the viewer of a page may see server internals (stack traces with file paths). With an admin token, only a
 * signed-in admin; without one, the request guard serves pages on loopback only, so whoever sees the page is the
 * machine's user and counts as admin.
 */
export async function viewerIsAdmin(): Promise<boolean> {
  if (!isAuthRequired()) return true;
  return isValidAdminCookie((await cookies()).get(ADMIN_COOKIE)?.value);
}
