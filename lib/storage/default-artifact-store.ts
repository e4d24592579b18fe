import "server-only";
import { artifactsDir, getEnv } from "../env.ts";
import type { ArtifactStore } from "./artifact-store.ts";
import { createArtifactStore } from "./create-artifact-store.ts";

let store: ArtifactStore | undefined;

/** The process-wide artifact store: S3 when S3_BUCKET is set, else the local folder (same keys). */
export function getArtifactStore(): ArtifactStore {
  if (store) return store;
  const env = getEnv();
  store = createArtifactStore({
    localDir: artifactsDir(),
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT,
          publicEndpoint: env.S3_PUBLIC_ENDPOINT,
          region: env.S3_REGION,
          prefix: env.S3_PREFIX,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        }
      : undefined,
  });
  return store;
}

export function resetArtifactStore(): void {
  store = undefined;
}
