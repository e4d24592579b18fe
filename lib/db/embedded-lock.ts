import fs from "node:fs";
import path from "node:path";

// PGlite takes no lock of its own: two instances on one folder silently diverge (ARCHITECTURE §4).
// The owner writes its pid and port here; everyone else connects to that port.
export interface EmbeddedLock {
  pid: number;
  port: number;
  startedAt: string;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, "churnops-owner.json");
}

export function readLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as EmbeddedLock;
    return Number.isInteger(lock.pid) && Number.isInteger(lock.port) ? lock : null;
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

/** Atomically claims the folder: fails if another live process holds it. */
export function writeLock(dataDir: string, lock: EmbeddedLock): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const existing = liveOwner(dataDir);
  if (existing && existing.pid !== lock.pid) {
    throw new Error(`embedded database ${dataDir} is already served by pid ${existing.pid} on port ${existing.port}`);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(lock));
  fs.renameSync(tmp, file);
}

export function removeLock(dataDir: string, pid = process.pid): void {
  const lock = readLock(dataDir);
  if (lock?.pid === pid) fs.rmSync(lockPath(dataDir), { force: true });
}
