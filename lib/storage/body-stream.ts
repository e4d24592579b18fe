import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ArtifactBody } from "./artifact-store.ts";

export interface Digest {
  bytes: number;
  sha256: string;
}

export function isInMemoryBody(body: ArtifactBody): body is string | Uint8Array {
  return typeof body === "string" || body instanceof Uint8Array;
}

export function toBuffer(body: string | Uint8Array): Buffer {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  // Wrap rather than copy: the bytes are only read.
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

export function digestOf(bytes: Buffer): Digest {
  return { bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export function toReadable(body: ArtifactBody): Readable {
  if (isInMemoryBody(body)) return Readable.from([toBuffer(body)]);
  if (body instanceof Readable) return body;
  // Old-style streams (NodeJS.ReadableStream) are wrapped so pipeline() gets proper backpressure.
  return new Readable().wrap(body);
}

/** A pass-through that hashes and counts what flows through it, so we report exactly what was stored. */
export class DigestingStream extends Transform {
  private readonly hash = createHash("sha256");
  private byteCount = 0;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    this.hash.update(bytes);
    this.byteCount += bytes.byteLength;
    callback(null, bytes);
  }

  /** Only meaningful once the stream has finished. */
  digest(): Digest {
    return { bytes: this.byteCount, sha256: this.hash.copy().digest("hex") };
  }
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, "utf8"));
    else chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** Size and sha256 of a stream, read to the end in chunks (never held whole). */
export async function digestOfStream(stream: Readable): Promise<Digest> {
  const digesting = new DigestingStream();
  digesting.resume(); // discard the pass-through output; only the digest is wanted
  await pipeline(stream, digesting);
  return digesting.digest();
}
