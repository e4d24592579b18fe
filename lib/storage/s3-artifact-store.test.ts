import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeArtifactStoreContract } from "./artifact-store.contract.ts";
import { S3ArtifactStore, type S3StoreConfig } from "./s3-artifact-store.ts";

interface S3rverOptions {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}
interface S3rverEvent {
  Records: { eventName: string; s3: { object: { key: string } } }[];
}
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  on(event: "event", listener: (event: S3rverEvent) => void): void;
}

type CipherFactory = (algorithm: string, key: Buffer, iv: Buffer | null, ...rest: unknown[]) => unknown;
interface MutableCrypto {
  createCipheriv: CipherFactory;
  createDecipheriv: CipherFactory;
}

const require = createRequire(import.meta.url);
// s3rver ships no type declarations; loading it through require keeps the untyped value behind the interfaces above.
const S3rver = require("s3rver") as new (options: S3rverOptions) => S3rverServer;

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 only has in the
 * legacy provider, so any paginated listing fails with ERR_OSSL_EVP_UNSUPPORTED (jamhall/s3rver#818).
 * Triple-DES with three identical keys is single DES and is in the default provider, so we translate
 * exactly that algorithm while s3rver runs in this test process. Our own code never asks for "des".
 */
function shimSingleDesForS3rver(): () => void {
  const nodeCrypto = require("node:crypto") as MutableCrypto;
  const original = { ...nodeCrypto };
  const wrap =
    (factory: CipherFactory): CipherFactory =>
    (algorithm, key, iv, ...rest) =>
      algorithm === "des" ? factory("des-ede3-cbc", Buffer.concat([key, key, key]), iv, ...rest) : factory(algorithm, key, iv, ...rest);
  nodeCrypto.createCipheriv = wrap(original.createCipheriv);
  nodeCrypto.createDecipheriv = wrap(original.createDecipheriv);
  return () => Object.assign(nodeCrypto, { createCipheriv: original.createCipheriv, createDecipheriv: original.createDecipheriv });
}

const BUCKET = "churnops-test";
let server: S3rverServer;
let serverDir: string;
let endpoint: string;
let restoreCrypto: () => void = () => {};
const stores: S3ArtifactStore[] = [];

function makeStore(extra: Partial<S3StoreConfig> = {}, listPageSize?: number): S3ArtifactStore {
  const config = { bucket: BUCKET, endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, ...extra };
  const store = new S3ArtifactStore(config, { listPageSize });
  stores.push(store);
  return store;
}

interface EchoClient {
  config: { endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number }> };
}
async function echoSignedUrl(client: EchoClient, command: { input: { Bucket: string; Key: string } }, options: { expiresIn: number }) {
  const { protocol, hostname, port } = await client.config.endpoint!();
  return `${protocol}//${hostname}:${port}/${command.input.Bucket}/${command.input.Key}?expires=${options.expiresIn}`;
}

async function presignerInstalled(): Promise<boolean> {
  const specifier = "@aws-sdk/s3-request-presigner";
  return import(/* @vite-ignore */ specifier).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  restoreCrypto = shimSingleDesForS3rver();
  serverDir = await mkdtemp(path.join(tmpdir(), "churnops-s3rver-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: serverDir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const store of stores) store.destroy();
  await server?.close();
  await rm(serverDir, { recursive: true, force: true });
  restoreCrypto();
});

// A small page size makes the ~30-object listing span several ListObjectsV2 pages.
describeArtifactStoreContract(
  "S3ArtifactStore (s3rver, paginated listing)",
  async () => ({ store: makeStore({ prefix: "contract" }, 7), cleanup: async () => {} }),
  { atomicCreate: false }, // s3rver 3.7 ignores If-None-Match on PUT (checked in lib/controllers/object.js)
);

describe("S3ArtifactStore", () => {
  it("isolates keys by the configured prefix", async () => {
    const tenantA = makeStore({ prefix: "tenant-a" });
    const tenantB = makeStore({ prefix: "tenant-b/" });
    await tenantA.put("models/m/1/model.json", "A");
    await tenantB.put("models/m/1/model.json", "B");
    expect((await tenantA.getBuffer("models/m/1/model.json")).toString()).toBe("A");
    expect((await tenantB.getBuffer("models/m/1/model.json")).toString()).toBe("B");
    expect((await tenantA.list("")).map((o) => o.key)).toEqual(["models/m/1/model.json"]);

    const whole = (await makeStore().list("tenant-")).map((o) => o.key);
    expect(whole).toEqual(["tenant-a/models/m/1/model.json", "tenant-b/models/m/1/model.json"]);
    await tenantA.delete("models/m/1/model.json");
    expect(await tenantB.head("models/m/1/model.json")).not.toBeNull();
  });

  it("sends large streams as a multipart upload and small bodies as one PutObject", { timeout: 20_000 }, async () => {
    const created = new Map<string, string>();
    server.on("event", (event) => {
      for (const record of event.Records) created.set(record.s3.object.key, record.eventName);
    });
    const store = makeStore({ prefix: "multipart" });
    const large = randomBytes(11 * 1024 * 1024);
    await store.put("big.bin", Readable.from([large.subarray(0, 3_000_000), large.subarray(3_000_000)]));
    await store.put("small.txt", Readable.from(["tiny"]));
    // s3rver reports CompleteMultipartUpload as a "Post" creation and PutObject as "Put".
    expect(created.get("multipart/big.bin")).toBe("ObjectCreated:Post");
    expect(created.get("multipart/small.txt")).toBe("ObjectCreated:Put");
    expect((await store.getBuffer("big.bin")).equals(large)).toBe(true);
  });

  it("rejects an invalid prefix in the config", () => {
    expect(() => makeStore({ prefix: "../other-tenant" })).toThrow(/Invalid artifact key/);
  });

  it("returns a download URL that serves the bytes, or null when the presigner is not installed", async () => {
    const store = makeStore({ prefix: "downloads" });
    await store.put("reports/drift/2026-01-01.html", "<h1>drift</h1>", { contentType: "text/html" });
    const url = await store.downloadUrl("reports/drift/2026-01-01.html", 60);
    if (!(await presignerInstalled())) {
      expect(url).toBeNull();
      return;
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/churnops-test\/downloads\/reports\/drift\/2026-01-01\.html\?/);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<h1>drift</h1>");
  });

  it("signs download URLs for the public endpoint when given, else for the API endpoint", async () => {
    // The presigner is an optional dependency that is not installed here; a stand-in that echoes what
    // it was handed checks our wiring (endpoint, bucket, prefixed key, expiry), not SigV4 itself.
    vi.resetModules();
    vi.doMock("@aws-sdk/s3-request-presigner", () => ({ getSignedUrl: echoSignedUrl }));
    try {
      const { S3ArtifactStore: FreshStore } = await import("./s3-artifact-store.ts");
      const base = { bucket: BUCKET, endpoint: "http://minio:9000", prefix: "p" };
      const withPublic = new FreshStore({ ...base, publicEndpoint: "http://localhost:9999" });
      expect(await withPublic.downloadUrl("a/b.txt", 60)).toBe(`http://localhost:9999/${BUCKET}/p/a/b.txt?expires=60`);
      expect(await new FreshStore(base).downloadUrl("a/b.txt")).toBe(`http://minio:9000/${BUCKET}/p/a/b.txt?expires=900`);
    } finally {
      vi.doUnmock("@aws-sdk/s3-request-presigner");
    }
  });

  it("reports kind s3", () => {
    expect(makeStore().kind).toBe("s3");
  });
});
