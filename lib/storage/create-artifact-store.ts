import type { ArtifactStore } from "./artifact-store.ts";
import { LocalArtifactStore } from "./local-artifact-store.ts";
import { S3ArtifactStore, type S3StoreConfig } from "./s3-artifact-store.ts";

export interface ArtifactStoreConfig {
  /** Used when it names a bucket; an S3 block without a bucket (e.g. empty env var) falls back to local. */
  s3?: S3StoreConfig;
  localDir: string;
}

export function createArtifactStore(config: ArtifactStoreConfig): ArtifactStore {
  if (config.s3?.bucket) return new S3ArtifactStore(config.s3);
  return new LocalArtifactStore(config.localDir);
}
