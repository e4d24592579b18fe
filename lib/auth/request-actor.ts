import "server-only";
import { isAuthRequired } from "./admin-auth.ts";

/**
 * Who an authorised request acts as, for audit logs. churnops has one admin identity (the token), so this names
 * the channel: "ui:admin" (the dashboard's login cookie), "api:admin" (a Bearer token), or "ui:local" when no token
 * is configured and the app serves loopback only (whoever sits at this machine). Call after requireAdmin(req).
 */
export function requestActor(req: Request): string {
  if (!isAuthRequired()) return "ui:local";
  return req.headers.get("authorization")?.startsWith("Bearer ") ? "api:admin" : "ui:admin";
}
