import path from "node:path";
import { getEnv } from "../../env.ts";

/** The upload limit in megabytes (MiB: 1 MB = 1,048,576 bytes). */
export function maxUploadMb(): number {
  return getEnv().CHURNOPS_MAX_UPLOAD_MB;
}

export function maxUploadBytes(): number {
  return Math.floor(maxUploadMb() * 1024 * 1024);
}

/** The folder the data watchdog hashes (absolute), or null when CHURNOPS_WATCH_DIR is unset. */
export function watchDir(): string | null {
  const dir = getEnv().CHURNOPS_WATCH_DIR;
  return dir ? path.resolve(/*turbopackIgnore: true*/ dir) : null;
}
