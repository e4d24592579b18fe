import { ZodError } from "zod";
import { AppError } from "../errors.ts";

/** Maps errors to JSON responses: AppError -> its status and message; zod -> 400 with the wrong fields; else 500. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return Response.json({ error: e.code, message: e.userMessage }, { status: e.status });
  if (e instanceof ZodError) {
    const fields = Object.fromEntries(e.issues.map((i) => [i.path.join(".") || "body", i.message]));
    return Response.json({ error: "INVALID_INPUT", message: "Some fields are invalid.", fields }, { status: 400 });
  }
  console.error(e);
  return Response.json({ error: "INTERNAL", message: "Something went wrong on the server; see the server log." }, { status: 500 });
}
