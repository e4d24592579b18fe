import { AppError } from "../errors.ts";

// Request bodies are parsed here, then zod-checked by the route: a body that is not JSON is a 400 that shows the
// expected shape, never a 500.
const MAX_BODY_CHARS = 64 * 1024;

export async function readJsonBody(req: Request, example: string, opts: { emptyIs?: unknown } = {}): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY_CHARS) throw new AppError("TOO_LARGE", `The request body is larger than ${MAX_BODY_CHARS / 1024} KiB. Send a small JSON object such as ${example}.`, 413);
  if (text.trim() === "" && "emptyIs" in opts) return opts.emptyIs;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", `The request body is not JSON. Send ${example}.`, 400);
  }
}
