import type { ZodError } from "zod";
import { fieldPath } from "../scoring/field-path.ts";

/** 400 INVALID_INPUT naming every wrong field the way a JSON reader writes it (rows[3].watch_minutes). */
export function invalidInput(error: ZodError, fields?: Record<string, string>): Response {
  const byField = fields ?? Object.fromEntries(error.issues.map((i) => [fieldPath(i.path), i.message]));
  const list = Object.entries(byField).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ");
  return Response.json({ error: "INVALID_INPUT", message: `Some fields are invalid: ${list}.`, fields: byField }, { status: 400, headers: { "cache-control": "no-store" } });
}
