import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * A whole response as it went out on the wire: status, final headers (lower-case names), body bytes (already
 * compressed, if it was).
 */
export interface CapturedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Tees everything written to `res` while it still goes to the client unchanged, and calls `done` once: with the
 * response when it finished, or with null when it was cut short (client gone, render error) or grew past maxBytes.
 *
 * It patches writeHead/write/end before anything else touches `res`, so layers added later (Next's compression wraps
 * these same methods) write through it: what is captured is what was sent.
 */
export function captureResponse(res: ServerResponse, maxBytes: number, done: (captured: CapturedResponse | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const headHeaders: OutgoingHttpHeaders = {};
  let settled = false;
  const settle = (captured: CapturedResponse | null) => {
    if (settled) return;
    settled = true;
    done(captured);
  };
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (overflow || chunk == null || typeof chunk === "function") return;
    const buf = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buf);
  };

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, [message], [headers]): headers given here never reach getHeaders() when none were set before.
    const headers = args.find((a, i) => i > 0 && a !== null && typeof a === "object");
    // Lower-cased like getHeaders()' names, so the merge below keeps one value per header.
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) headHeaders[name.toLowerCase()] = value as OutgoingHttpHeaders[string];
    return writeHead.apply(this, args as Parameters<ServerResponse["writeHead"]>);
  } as ServerResponse["writeHead"];
  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return write.apply(this, [chunk, ...rest] as Parameters<ServerResponse["write"]>);
  } as ServerResponse["write"];
  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    keep(args[0], args[1]);
    return end.apply(this, args as Parameters<ServerResponse["end"]>);
  } as ServerResponse["end"];

  res.once("finish", () => settle(overflow ? null : { status: res.statusCode, headers: { ...res.getHeaders(), ...headHeaders }, body: Buffer.concat(chunks) }));
  res.once("close", () => settle(null)); // after "finish" this is a no-op; before it, the response was cut short
}
