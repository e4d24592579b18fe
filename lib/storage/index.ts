export { assertValidArtifactKey, assertValidArtifactPrefix, isValidArtifactKey, MAX_ARTIFACT_KEY_LENGTH } from "./artifact-key.ts";
export type { ArtifactBody, ArtifactStore, ListedObject, PutOptions, StoredObject } from "./artifact-store.ts";
export { compareKeys } from "./artifact-store.ts";
export { createArtifactStore, type ArtifactStoreConfig } from "./create-artifact-store.ts";
export { ArtifactNotFoundError, InvalidArtifactKeyError } from "./errors.ts";
export { LocalArtifactStore, resolveInside } from "./local-artifact-store.ts";
export { S3ArtifactStore, type S3StoreConfig, type S3StoreOptions } from "./s3-artifact-store.ts";
