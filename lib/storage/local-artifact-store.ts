import { randomUUID } from "node:crypto";
import type { Dirent } from "node:fs";
import { link, mkdir, open, readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidArtifactKey, assertValidArtifactPrefix, isValidArtifactKey } from "./artifact-key.ts";
import { compareKeys, type ArtifactBody, type ArtifactStore, type ListedObject, type StoredObject } from "./artifact-store.ts";
import { DigestingStream, digestOfStream, readAll, toReadable } from "./body-stream.ts";
import { ArtifactConflictError, ArtifactNotFoundError, InvalidArtifactKeyError } from "./errors.ts";

/**
 * "~" can never appear in a valid key, so names containing it are unambiguously ours:
 * a crash mid-write leaves such a file behind, and list() can skip it without hiding real data.
 */
const TEMP_MARKER = "~";

/**
 * Defence in depth: even if a key skipped validation, the resolved path must stay strictly
 * inside root. Pure so it can be tested without touching the file system.
 */
export function resolveInside(rootDir: string, key: string): string {
  const root = path.resolve(rootDir);
  const full = path.resolve(root, key);
  const relative = path.relative(root, full);
  const escapes = relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (escapes) throw new InvalidArtifactKeyError(key, "it resolves outside the artifact root");
  return full;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

export class LocalArtifactStore implements ArtifactStore {
  readonly kind = "local" as const;
  private readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(rootDir);
  }

  private pathFor(key: string): string {
    return resolveInside(this.rootDir, assertValidArtifactKey(key));
  }

  async put(key: string, body: ArtifactBody, _options?: { contentType?: string }): Promise<StoredObject> {
    // contentType is not persisted: the local store is only ever streamed back by the app itself.
    const target = this.pathFor(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${TEMP_MARKER}tmp-${randomUUID()}`);
    const digesting = new DigestingStream();
    try {
      const handle = await open(temp, "wx");
      await pipeline(toReadable(body), digesting, handle.createWriteStream());
      // link() fails with EEXIST instead of replacing (rename would overwrite): the check and the write are one
      // atomic step, so of two concurrent writers exactly one creates the object and the other compares with it.
      await link(temp, target).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const existing = await digestOfStream(await this.getStream(key));
        if (existing.sha256 !== digesting.digest().sha256) throw new ArtifactConflictError(key, existing.sha256, digesting.digest().sha256);
        // Same bytes: an idempotent retry, nothing to write.
      });
    } finally {
      await rm(temp, { force: true });
    }
    return { key, ...digesting.digest() };
  }

  async getStream(key: string): Promise<Readable> {
    const file = this.pathFor(key);
    // Opening first (not stat-then-open) means a concurrent delete cannot turn into a stream error later.
    const handle = await open(file, "r").catch((error: unknown) => {
      throw isMissing(error) ? new ArtifactNotFoundError(key, { cause: error }) : error;
    });
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      throw new ArtifactNotFoundError(key);
    }
    return handle.createReadStream();
  }

  async getBuffer(key: string): Promise<Buffer> {
    return readAll(await this.getStream(key));
  }

  async head(key: string): Promise<{ bytes: number; lastModified: Date } | null> {
    const file = this.pathFor(key);
    try {
      const info = await stat(file);
      return info.isFile() ? { bytes: info.size, lastModified: info.mtime } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<ListedObject[]> {
    assertValidArtifactPrefix(prefix);
    // Only walk the deepest folder the prefix pins down instead of the whole tree.
    const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const start = folder === "" ? this.rootDir : resolveInside(this.rootDir, folder);
    const keys = (await this.walk(start, folder)).filter((key) => key.startsWith(prefix));
    const listed = await Promise.all(keys.map((key) => this.describe(key)));
    return listed.filter((item): item is ListedObject => item !== null).sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    const file = this.pathFor(key);
    const info = await stat(file).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (!info?.isFile()) return;
    await rm(file, { force: true });
    await this.pruneEmptyFolders(path.dirname(file));
  }

  async downloadUrl(key: string, _expiresInSeconds?: number): Promise<string | null> {
    assertValidArtifactKey(key);
    return null;
  }

  private async walk(dir: string, keyPrefix: string): Promise<string[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const nested = await Promise.all(
      entries.map(async (entry) => {
        const key = keyPrefix === "" ? entry.name : `${keyPrefix}/${entry.name}`;
        // Skips our temp files (their "~" is never valid) and anything dropped in by hand that no key could name.
        if (!isValidArtifactKey(key)) return [];
        if (entry.isDirectory()) return this.walk(path.join(dir, entry.name), key);
        return entry.isFile() ? [key] : [];
      }),
    );
    return nested.flat();
  }

  /** Null when the file vanished between readdir and stat (a concurrent delete). */
  private async describe(key: string): Promise<ListedObject | null> {
    const info = await stat(resolveInside(this.rootDir, key)).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    return info?.isFile() ? { key, bytes: info.size, lastModified: info.mtime } : null;
  }

  /** Keeps the tree tidy so a later put of "a" is not blocked by an empty folder "a/" left by "a/b". */
  private async pruneEmptyFolders(dir: string): Promise<void> {
    let current = dir;
    while (current !== this.rootDir && current.startsWith(this.rootDir + path.sep)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      current = path.dirname(current);
    }
  }
}
