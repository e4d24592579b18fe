import { z } from "zod";
import { ADMIN_COOKIE, adminCookieValue, isAuthRequired, isValidAdminToken } from "../../../lib/auth/admin-auth.ts";
import { safeNextPath } from "../../../lib/auth/safe-next-path.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bodySchema = z.object({ token: z.string().max(1000) });
const MAX_AGE_SECONDS = 12 * 60 * 60;

function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

/**
 * POST { token } (JSON or a form) -> sets the admin cookie. JSON callers get 200 { ok } / 401 { error, message };
 * a plain form post is redirected (303) to its `next` field (a path on this site, else "/") or back to
 * /login?error=wrong-token&next=….
 */
export async function POST(req: Request) {
  const isForm = (req.headers.get("content-type") ?? "").includes("form");
  try {
    const raw = isForm ? Object.fromEntries(await req.formData()) : await req.json().catch(() => ({}));
    const { token } = bodySchema.parse(raw);
    const next = safeNextPath((raw as { next?: unknown }).next);
    if (!isAuthRequired() || !isValidAdminToken(token)) {
      if (isForm) return redirect(`/login?${new URLSearchParams({ error: "wrong-token", next })}`);
      const message = isAuthRequired() ? "Wrong token" : "No admin token is configured on this server; sign-in is not needed.";
      return Response.json({ error: "UNAUTHORIZED", message }, { status: 401 });
    }
    const cookie = [
      `${ADMIN_COOKIE}=${adminCookieValue()}`,
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      `Max-Age=${MAX_AGE_SECONDS}`,
      ...(isHttps(req) ? ["Secure"] : []),
    ].join("; ");
    const res = isForm ? redirect(next) : Response.json({ ok: true });
    res.headers.append("set-cookie", cookie);
    return res;
  } catch (e) {
    return errorResponse(e);
  }
}

function redirect(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}
