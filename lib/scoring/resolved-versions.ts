import "server-only";
import { resolveScorableVersion, type ScorableVersion } from "../registry/resolve-scorable-version.ts";

/**
 * How long a resolved "which version answers this request" is reused. Resolving is one short statement (~0.6 ms on
 * this machine, more than the prediction itself); at 50 concurrent clients it is what stands between /api/predict
 * and its p99 target of 20 ms (bench/predict-api.ts). Two seconds bounds how stale an answer can be after a promotion
 * made by another process (a worker's promotion rule, the CLI); a promotion through this server's own routes
 * forgets the cache at once (forgetResolvedVersions). Failures are never cached: a first model is used as soon as
 * it is registered.
 */
export const RESOLVE_TTL_MS = 2000;

type Entry = { at: number; version: Promise<ScorableVersion> };
const KEY = Symbol.for("churnops.resolvedVersions");
// On globalThis: Next may load this module once per route bundle, and the promote route must clear the predict route's entries.
const holder = globalThis as { [KEY]?: Map<string, Entry> };
const cache = (holder[KEY] ??= new Map<string, Entry>());

/** The version for { model?, version? } (see resolveScorableVersion), reused for RESOLVE_TTL_MS. */
export function resolvedVersion(ref: { model?: string; version?: number }, now = Date.now()): Promise<ScorableVersion> {
  const key = `${ref.model ?? ""}\u0000${ref.version ?? ""}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < RESOLVE_TTL_MS) return hit.version;
  const version = resolveScorableVersion(ref);
  cache.set(key, { at: now, version });
  version.catch(() => {
    if (cache.get(key)?.version === version) cache.delete(key);
  });
  if (cache.size > 256) for (const [k, e] of cache) if (now - e.at >= RESOLVE_TTL_MS) cache.delete(k); // ad-hoc names must not pile up
  return version;
}

/** Forget every resolved version: call after changing a champion in this process. */
export function forgetResolvedVersions(): void {
  cache.clear();
}
