import fs from "node:fs";
import path from "node:path";

// PGlite takes no lock of its own: two instances on one folder silently diverge (ARCHITECTURE §4).
// The owner claims the folder here before it opens it, then adds where its socket is; everyone else connects there.
export interface EmbeddedLock {
  pid: number;
  /** Folder holding the owner's Unix socket (`.s.PGSQL.5432`); absent while the owner is still opening the database. */
  socketDir?: string;
  /** Who owns the folder: a dashboard or test process ("process"), or the CLI's idle-exiting daemon ("daemon"). */
  kind?: "process" | "daemon";
  startedAt: string;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, "churnops-owner.json");
}

export function readLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as EmbeddedLock;
    return Number.isInteger(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live owner of the folder, or null (a lock left by a dead process counts as none). */
export function liveOwner(dataDir: string): EmbeddedLock | null {
  const lock = readLock(dataDir);
  return lock && isProcessAlive(lock.pid) ? lock : null;
}

function alreadyServed(dataDir: string, owner: EmbeddedLock): Error {
  return new Error(`embedded database ${dataDir} is already served by pid ${owner.pid}${owner.socketDir ? ` (socket in ${owner.socketDir})` : " (still starting)"}`);
}

/**
 * Claims the folder for this process: fails if another live process holds it. The lock file is created with
 * link(2), which fails when the file exists, so two processes starting at once cannot both win; a lock left by a
 * dead process is replaced. The same pid may rewrite its own lock (to add the socket once it listens).
 */
export function writeLock(dataDir: string, lock: EmbeddedLock): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(lock), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const existing = liveOwner(dataDir);
    if (existing && existing.pid !== lock.pid) throw alreadyServed(dataDir, existing);
    fs.renameSync(tmp, file); // ours, or left by a dead process
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export function removeLock(dataDir: string, pid = process.pid): void {
  const lock = readLock(dataDir);
  if (lock?.pid === pid) fs.rmSync(lockPath(dataDir), { force: true });
}
