import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeArtifactStoreContract } from "./artifact-store.contract.ts";
import { S3ArtifactStore, type S3StoreConfig } from "./s3-artifact-store.ts";
import { startSigV4Gateway } from "./start-sigv4-gateway.ts";

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

  describe("presigned download URLs (through a SigV4-verifying front, as S3/MinIO check them)", () => {
    let gateway: Awaited<ReturnType<typeof startSigV4Gateway>>;
    let publicEndpoint: string;
    beforeAll(async () => {
      gateway = await startSigV4Gateway({ upstream: endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
      publicEndpoint = `http://localhost:${gateway.port}`; // what the browser is told: another host than the app's
    });
    afterAll(() => gateway?.close());

    it("signs for S3_PUBLIC_ENDPOINT, and a plain fetch of the URL downloads exactly the bytes", async () => {
      const store = makeStore({ prefix: "downloads", publicEndpoint });
      await store.put("reports/drift/2026-01-01.html", "<h1>drift</h1>", { contentType: "text/html" });
      const url = await store.downloadUrl("reports/drift/2026-01-01.html", 60);
      expect(url.startsWith(`${publicEndpoint}/${BUCKET}/downloads/reports/drift/2026-01-01.html?`)).toBe(true);
      expect(url).toMatch(/X-Amz-Expires=60&.*X-Amz-Signature=[0-9a-f]{64}/);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("<h1>drift</h1>");
    });

    it("refuses a tampered URL: another key, a longer life, a forged signature, another host", async () => {
      const store = makeStore({ prefix: "downloads", publicEndpoint });
      await store.put("models/m/1/model.json", '{"w":[1,2]}');
      await store.put("models/m/1/secret.json", '{"secret":true}');
      const url = await store.downloadUrl("models/m/1/model.json", 60);
      expect((await fetch(url)).status).toBe(200);
      const tampered = [
        url.replace("model.json", "secret.json"),
        url.replace("X-Amz-Expires=60", "X-Amz-Expires=604800"),
        url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`),
        url.replace("localhost", "127.0.0.1"), // the host is signed
      ];
      for (const forged of tampered) {
        expect(forged).not.toBe(url);
        const refused = await fetch(forged);
        expect(refused.status, forged).toBe(403);
        expect(await refused.text()).not.toContain("secret");
      }
    });

    it("needs the public-endpoint client: a URL signed for the API endpoint is refused on the public host", async () => {
      const store = makeStore({ prefix: "downloads" }); // no publicEndpoint: signs for 127.0.0.1:<s3rver>
      await store.put("a/b.txt", "b");
      const url = await store.downloadUrl("a/b.txt", 60);
      expect(url.startsWith(`${endpoint}/${BUCKET}/downloads/a/b.txt?`)).toBe(true);
      const atPublicHost = url.replace(endpoint, publicEndpoint);
      expect((await fetch(atPublicHost)).status).toBe(403);
    });

    it("stops working once it expires", async () => {
      const store = makeStore({ prefix: "downloads", publicEndpoint });
      await store.put("short/lived.txt", "x");
      const url = await store.downloadUrl("short/lived.txt", 1);
      expect((await fetch(url)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2100)); // X-Amz-Date has second precision
      expect((await fetch(url)).status).toBe(403);
    });
  });

  it("reports kind s3", () => {
    expect(makeStore().kind).toBe("s3");
  });
});
