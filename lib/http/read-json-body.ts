import { AppError } from "../errors.ts";

// Request bodies are parsed here, then zod-checked by the route: a body that is not JSON is a 400 that shows the
// expected shape, never a 500.
const MAX_BODY_CHARS = 64 * 1024;

export async function readJsonBody(req: Request, example: string, opts: { emptyIs?: unknown; maxChars?: number } = {}): Promise<unknown> {
  const text = await req.text();
  const max = opts.maxChars ?? MAX_BODY_CHARS;
  if (text.length > max) throw new AppError("TOO_LARGE", `The request body is larger than ${max / 1024} KiB. Send a smaller JSON object such as ${example}.`, 413);
  if ("emptyIs" in opts && text.trim() === "") return opts.emptyIs;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", `The request body is not JSON. Send ${example}.`, 400);
  }
}
