import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  bytes: number;
  sha256: string;
}

export interface ListedObject {
  key: string;
  bytes: number;
  lastModified: Date;
}

export type ArtifactBody = Buffer | Uint8Array | string | NodeJS.ReadableStream | Readable;

export interface PutOptions {
  contentType?: string;
}

/**
 * Where datasets, models and reports live. Keys are validated at this boundary by every
 * implementation, so callers may pass user-influenced names without pre-checking them.
 */
export interface ArtifactStore {
  readonly kind: "s3" | "local";
  /** Writes the whole body; streams are streamed (never buffered whole for S3: use lib-storage Upload). Returns size and sha256 of what was written. */
  put(key: string, body: ArtifactBody, options?: PutOptions): Promise<StoredObject>;
  /** Throws ArtifactNotFoundError when the key does not exist. */
  getStream(key: string): Promise<Readable>;
  getBuffer(key: string): Promise<Buffer>;
  head(key: string): Promise<{ bytes: number; lastModified: Date } | null>;
  /** All objects whose key starts with prefix (prefix "" lists everything), sorted by key; handles S3 pagination. */
  list(prefix: string): Promise<ListedObject[]>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** A time-limited URL the browser can download from (S3: a presigned GET), or null when the app must stream the object itself (local store). */
  downloadUrl(key: string, expiresInSeconds?: number): Promise<string | null>;
}

/** S3 orders keys by UTF-8 bytes; code-unit order matches it for the ASCII-only keys we allow, unlike localeCompare. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
