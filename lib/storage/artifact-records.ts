import { getDb } from "../db/client.ts";
import { recordArtifactOutput } from "../lineage/record-artifact-output.ts";
import type { ArtifactBody, StoredObject } from "./artifact-store.ts";
import { getArtifactStore } from "./default-artifact-store.ts";
import { ArtifactConflictError } from "./errors.ts";

export interface ArtifactRecord {
  key: string;
  kind: string;
  contentType: string;
  bytes: number;
  sha256: string;
  runId: string | null;
  createdAt: Date;
}

/**
 * Writes an object and records it in ops.artifacts (the download route serves only recorded keys), and in the
 * writing run's lineage. Write-once like the store: a key recorded with other bytes is refused (CONFLICT, 409)
 * even when its object has gone missing from the store; the same bytes again are a no-op that keeps the first record.
 */
export async function putArtifact(
  key: string,
  body: ArtifactBody,
  meta: { kind: string; contentType: string; runId?: string | null },
): Promise<StoredObject> {
  const { prisma } = await getDb();
  const recorded = await prisma.artifact.findUnique({ where: { key }, select: { sha256: true } });
  const store = getArtifactStore();
  const objectBefore = recorded ? await store.head(key) : null;
  const stored = await store.put(key, body, { contentType: meta.contentType });
  if (recorded && recorded.sha256 !== stored.sha256) {
    // The record names other bytes, and wins; if the store took ours (its object was gone), take them back out.
    if (!objectBefore) await store.delete(key);
    throw new ArtifactConflictError(key, recorded.sha256, stored.sha256);
  }
  const data = { kind: meta.kind, contentType: meta.contentType, bytes: BigInt(stored.bytes), sha256: stored.sha256, runId: meta.runId ?? null };
  await prisma.artifact.upsert({ where: { key: stored.key }, create: { key: stored.key, ...data }, update: {} });
  if (meta.runId) await recordArtifactOutput(meta.runId, stored);
  return stored;
}

export async function findArtifact(key: string): Promise<ArtifactRecord | null> {
  const { prisma } = await getDb();
  const row = await prisma.artifact.findUnique({ where: { key } });
  return row ? { ...row, bytes: Number(row.bytes) } : null;
}
