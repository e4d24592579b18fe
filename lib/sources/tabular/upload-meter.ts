import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../../errors.ts";
import { Utf8Detector } from "../csv/text-encoding.ts";

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(mb < 10 ? 2 : 0);
}

/** The 413 every over-limit upload ends with (route, CLI and watchdog alike). */
export function uploadTooLargeError(maxBytes: number): AppError {
  return new AppError(
    "TOO_LARGE",
    `The file is larger than the upload limit of ${formatMb(maxBytes)} MB (CHURNOPS_MAX_UPLOAD_MB). Nothing was stored. To fix: upload a smaller file, or raise CHURNOPS_MAX_UPLOAD_MB on the server.`,
    413,
  );
}

export function isUploadTooLarge(e: unknown): boolean {
  return e instanceof AppError && e.status === 413;
}

/**
 * A pass-through for uploads: counts bytes and fails the stream with a 413 AppError as soon as more than
 * `maxBytes` went through (so an over-limit body is never written whole), and checks UTF-8 validity on the way
 * when the encoding is to be detected.
 */
export class UploadMeter extends Transform {
  bytes = 0;
  private readonly utf8: Utf8Detector | null;

  constructor(private readonly maxBytes: number, detectUtf8: boolean) {
    super();
    this.utf8 = detectUtf8 ? new Utf8Detector() : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    this.bytes += buf.length;
    if (this.bytes > this.maxBytes) {
      done(uploadTooLargeError(this.maxBytes));
      return;
    }
    this.utf8?.push(buf);
    done(null, buf);
  }

  /** Only meaningful once the stream has ended: was every byte valid UTF-8? */
  isUtf8(): boolean {
    return this.utf8 ? this.utf8.end() : true;
  }
}
