import path from "node:path";
import { z } from "zod";

// TEMPORARY home of two settings that belong in lib/env.ts (the only reader of process.env): they are read here
// until lib/env.ts gains CHURNOPS_MAX_UPLOAD_MB and CHURNOPS_WATCH_DIR. Read on every call (no cache): cheap, and
// tests change them at run time.

export const DEFAULT_MAX_UPLOAD_MB = 1024;

const schema = z.object({
  CHURNOPS_MAX_UPLOAD_MB: z.coerce.number().positive("CHURNOPS_MAX_UPLOAD_MB must be a positive number of megabytes").default(DEFAULT_MAX_UPLOAD_MB),
  CHURNOPS_WATCH_DIR: z.string().optional(),
});

export type TabularSettings = z.infer<typeof schema>;

export function tabularSettings(): TabularSettings {
  const raw = {
    CHURNOPS_MAX_UPLOAD_MB: process.env.CHURNOPS_MAX_UPLOAD_MB || undefined, // empty string = unset, as in lib/env.ts
    CHURNOPS_WATCH_DIR: process.env.CHURNOPS_WATCH_DIR || undefined,
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nTo fix: correct these variables (see .env.example).`);
  }
  return parsed.data;
}

/** The upload limit in megabytes (MiB: 1 MB = 1,048,576 bytes). */
export function maxUploadMb(): number {
  return tabularSettings().CHURNOPS_MAX_UPLOAD_MB;
}

export function maxUploadBytes(): number {
  return Math.floor(maxUploadMb() * 1024 * 1024);
}

/** The folder the data watchdog hashes (absolute), or null when CHURNOPS_WATCH_DIR is unset. */
export function watchDir(): string | null {
  const dir = tabularSettings().CHURNOPS_WATCH_DIR;
  return dir ? path.resolve(dir) : null;
}
