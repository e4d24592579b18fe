import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidArtifactKey, assertValidArtifactPrefix, isValidArtifactKey } from "./artifact-key.ts";
import { compareKeys, type ArtifactBody, type ArtifactStore, type ListedObject, type PutOptions, type StoredObject } from "./artifact-store.ts";
import { DigestingStream, digestOf, digestOfStream, isInMemoryBody, readAll, toBuffer, toReadable, type Digest } from "./body-stream.ts";
import { ArtifactConflictError, ArtifactNotFoundError } from "./errors.ts";

export interface S3StoreConfig {
  bucket: string;
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Endpoint the browser can reach (e.g. http://localhost:9000 when the app talks to http://minio:9000). */
  publicEndpoint?: string;
  /** Optional key prefix inside the bucket, so several deployments can share one bucket. */
  prefix?: string;
}

export interface S3StoreOptions {
  /** Objects per ListObjectsV2 page; S3 caps it at 1000. Lowered in tests to exercise pagination. */
  listPageSize?: number;
}

const DEFAULT_DOWNLOAD_URL_TTL_SECONDS = 15 * 60;

function clientConfig(config: S3StoreConfig, endpoint: string | undefined): S3ClientConfig {
  const { accessKeyId, secretAccessKey } = config;
  return {
    region: config.region ?? "us-east-1",
    endpoint,
    forcePathStyle: config.forcePathStyle ?? true,
    // Undefined credentials make the SDK use its default chain (AWS_* variables, profiles, instance roles).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Default checksum trailers (aws-chunked uploads) are not understood by s3rver and older MinIO.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

/** NoSuchBucket is also a 404, but it means misconfiguration, which must not look like a missing artifact. */
function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === "NoSuchBucket") return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === "NoSuchKey" || error.name === "NotFound" || status === 404;
}

/** User metadata (x-amz-meta-sha256) holding the object's sha256 when it was known before the upload. */
const SHA256_METADATA = "sha256";

/** 412: the conditional PUT found the key taken (S3 and MinIO); 409 ConditionalRequestConflict: a concurrent one. */
function isPreconditionFailed(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return status === 412 || (error instanceof Error && error.name === "PreconditionFailed") || (status === 409 && (error as Error).name === "ConditionalRequestConflict");
}

export class S3ArtifactStore implements ArtifactStore {
  readonly kind = "s3" as const;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly listPageSize: number;
  private presignClient: S3Client | undefined;

  constructor(
    private readonly config: S3StoreConfig,
    options: S3StoreOptions = {},
  ) {
    this.bucket = config.bucket;
    const prefix = (config.prefix ?? "").replace(/\/+$/, "");
    this.keyPrefix = prefix === "" ? "" : `${assertValidArtifactKey(prefix)}/`;
    this.listPageSize = options.listPageSize ?? 1000;
    this.client = new S3Client(clientConfig(config, config.endpoint));
  }

  private bucketKey(key: string): string {
    return this.keyPrefix + assertValidArtifactKey(key);
  }

  /**
   * Write-once: an existing key is never replaced. Real S3 and MinIO enforce it atomically with the conditional
   * PUT (If-None-Match: *, answered 412 when the key exists). s3rver ignores that header, so the HEAD before the
   * upload is what refuses there; two writers racing between that HEAD and their PUT could still both write
   * (the later wins) on a server without conditional writes. Identical bytes under an existing key are a no-op.
   */
  async put(key: string, body: ArtifactBody, options: PutOptions = {}): Promise<StoredObject> {
    const Key = this.bucketKey(key);
    if (await this.head(key)) return this.compareWithExisting(key, isInMemoryBody(body) ? digestOf(toBuffer(body)) : await digestOfStream(toReadable(body)));
    let streamed: DigestingStream | undefined;
    try {
      if (isInMemoryBody(body)) {
        const bytes = toBuffer(body);
        const digest = digestOf(bytes);
        await this.upload(Key, bytes, options, digest.sha256).done();
        return { key, ...digest };
      }
      // Hash on the way through so the whole object is never held in memory; Upload sends 5 MiB parts.
      const digesting = (streamed = new DigestingStream());
      const upload = this.upload(Key, digesting, options);
      try {
        await Promise.all([pipeline(toReadable(body), digesting), upload.done()]);
      } catch (error) {
        // Unblocks whichever side is still waiting; Upload aborts its multipart upload itself.
        digesting.destroy(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      return { key, ...digesting.digest() };
    } catch (error) {
      // Lost the race to another writer: the object exists now, so compare with it (the body was read whole:
      // S3 answers the condition only once the single PUT or the multipart completion has all the bytes).
      if (isPreconditionFailed(error)) return this.compareWithExisting(key, isInMemoryBody(body) ? digestOf(toBuffer(body)) : streamed!.digest());
      throw error;
    }
  }

  /** Same bytes as the stored object: a no-op (idempotent retry); different: ArtifactConflictError. */
  private async compareWithExisting(key: string, digest: Digest): Promise<StoredObject> {
    const existing = await this.storedDigest(key);
    if (existing.sha256 !== digest.sha256) throw new ArtifactConflictError(key, existing.sha256, digest.sha256);
    return { key, ...digest };
  }

  /** The sha256 we stored as metadata with in-memory bodies, else (streamed uploads) hashed from the object. */
  private async storedDigest(key: string): Promise<Digest> {
    const Key = this.bucketKey(key);
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
    const recorded = head.Metadata?.[SHA256_METADATA];
    if (recorded && head.ContentLength !== undefined) return { bytes: head.ContentLength, sha256: recorded };
    return digestOfStream(await this.getStream(key));
  }

  async getStream(key: string): Promise<Readable> {
    const Key = this.bucketKey(key);
    const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key })).catch((error: unknown) => {
      throw isNotFound(error) ? new ArtifactNotFoundError(key, { cause: error }) : error;
    });
    if (!(output.Body instanceof Readable)) throw new Error(`S3 returned no readable body for artifact "${key}"`);
    return output.Body;
  }

  async getBuffer(key: string): Promise<Buffer> {
    return readAll(await this.getStream(key));
  }

  async head(key: string): Promise<{ bytes: number; lastModified: Date } | null> {
    const Key = this.bucketKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { bytes: output.ContentLength ?? 0, lastModified: output.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<ListedObject[]> {
    const Prefix = this.keyPrefix + assertValidArtifactPrefix(prefix);
    const listed: ListedObject[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix, ContinuationToken, MaxKeys: this.listPageSize }),
      );
      for (const item of page.Contents ?? []) {
        const key = item.Key?.slice(this.keyPrefix.length);
        // Objects written around this store (e.g. by hand) may have names no key could address.
        if (!key || !item.Key?.startsWith(Prefix) || !isValidArtifactKey(key)) continue;
        listed.push({ key, bytes: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return listed.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for missing keys too, which is exactly the contract.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.bucketKey(key) }));
  }

  /** A presigned GET (SigV4 in the query string), valid for `expiresInSeconds`; the browser downloads from S3 directly. */
  async downloadUrl(key: string, expiresInSeconds = DEFAULT_DOWNLOAD_URL_TTL_SECONDS): Promise<string> {
    const Key = this.bucketKey(key);
    return getSignedUrl(this.signingClient(), new GetObjectCommand({ Bucket: this.bucket, Key }), { expiresIn: expiresInSeconds });
  }

  /** Releases pooled sockets; call when the store is no longer needed (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
    this.presignClient?.destroy();
  }

  /**
   * SigV4 signs the Host header, so a URL must be signed for the host the browser will call (S3_PUBLIC_ENDPOINT,
   * e.g. http://localhost:9000) rather than the in-cluster endpoint (http://minio:9000): a separate client.
   */
  private signingClient(): S3Client {
    if (!this.config.publicEndpoint) return this.client;
    this.presignClient ??= new S3Client(clientConfig(this.config, this.config.publicEndpoint));
    return this.presignClient;
  }

  private upload(Key: string, Body: Buffer | Readable, options: PutOptions, sha256?: string): Upload {
    return new Upload({
      client: this.client,
      // IfNoneMatch reaches PutObject and CompleteMultipartUpload, the two requests that create the object.
      params: { Bucket: this.bucket, Key, Body, ContentType: options.contentType, IfNoneMatch: "*", Metadata: sha256 ? { [SHA256_METADATA]: sha256 } : undefined },
    });
  }
}
