import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../../errors.ts";
import { assertNotBinarySignature } from "../csv/csv-records.ts";
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
 * `maxBytes` went through (so an over-limit body is never written whole), fails it with a 400 at a NUL byte (binary
 * content), and checks UTF-8 validity on the way when the encoding is to be detected.
 */
export class UploadMeter extends Transform {
  bytes = 0;
  private lines = 1;
  private readonly utf8: Utf8Detector | null;

  constructor(private readonly maxBytes: number, detectUtf8: boolean) {
    super();
    this.utf8 = detectUtf8 ? new Utf8Detector() : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (this.bytes === 0) {
      try {
        assertNotBinarySignature(buf); // a PNG, gzip or ZIP header: refused by name before anything is stored
      } catch (e) {
        done(new AppError("INVALID_INPUT", `${(e as Error).message} Nothing was stored. To fix: upload the data exported as CSV text.`, 400));
        return;
      }
    }
    this.bytes += buf.length;
    if (this.bytes > this.maxBytes) {
      done(uploadTooLargeError(this.maxBytes));
      return;
    }
    // A NUL byte anywhere (not only in the sampled rows) means binary content: refused before anything is kept.
    const nul = buf.indexOf(0);
    for (let k = buf.indexOf(10); k !== -1 && (nul === -1 || k < nul); k = buf.indexOf(10, k + 1)) this.lines++;
    if (nul !== -1) {
      done(new AppError("INVALID_INPUT", `this is not a CSV text file: it contains a NUL byte (line ${this.lines}). Nothing was stored. To fix: upload the data exported as CSV text.`, 400));
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
