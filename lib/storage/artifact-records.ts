import { getDb } from "../db/client.ts";
import type { ArtifactBody, StoredObject } from "./artifact-store.ts";
import { getArtifactStore } from "./default-artifact-store.ts";

export interface ArtifactRecord {
  key: string;
  kind: string;
  contentType: string;
  bytes: number;
  sha256: string;
  runId: string | null;
  createdAt: Date;
}

/** Writes an object and records it in ops.artifacts (the download route serves only recorded keys). */
export async function putArtifact(
  key: string,
  body: ArtifactBody,
  meta: { kind: string; contentType: string; runId?: string | null },
): Promise<StoredObject> {
  const stored = await getArtifactStore().put(key, body, { contentType: meta.contentType });
  const { prisma } = await getDb();
  const data = { kind: meta.kind, contentType: meta.contentType, bytes: BigInt(stored.bytes), sha256: stored.sha256, runId: meta.runId ?? null };
  await prisma.artifact.upsert({ where: { key: stored.key }, create: { key: stored.key, ...data }, update: { ...data, createdAt: new Date() } });
  return stored;
}

export async function findArtifact(key: string): Promise<ArtifactRecord | null> {
  const { prisma } = await getDb();
  const row = await prisma.artifact.findUnique({ where: { key } });
  return row ? { ...row, bytes: Number(row.bytes) } : null;
}
