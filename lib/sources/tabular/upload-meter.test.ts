import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArtifactStore } from "../../storage/artifact-store.ts";
import { LocalArtifactStore } from "../../storage/local-artifact-store.ts";
import { S3ArtifactStore } from "../../storage/s3-artifact-store.ts";
import { UploadMeter, isUploadTooLarge } from "./upload-meter.ts";
import { Utf8Detector } from "../csv/text-encoding.ts";

/** A body of `chunks` x 64 KiB, produced lazily (never held whole). */
function body(chunks: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < chunks ? Buffer.alloc(64 * 1024, 0x61) : null);
    },
  });
}

function through(source: Readable, meter: UploadMeter): UploadMeter {
  source.on("error", (e) => meter.destroy(e));
  source.pipe(meter);
  return meter;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

const LIMIT = 1024 * 1024; // 1 MB

function limitContract(name: string, makeStore: () => ArtifactStore, objectsLeft: () => Promise<number>) {
  describe(`UploadMeter with the ${name} store`, () => {
    it("stores a body under the limit whole, with its size and hash", async () => {
      const meter = through(body(8), new UploadMeter(LIMIT, false)); // 512 KiB
      const stored = await makeStore().put("datasets/tabular/t/v1/ok.csv", meter);
      expect(stored.bytes).toBe(512 * 1024);
      expect(meter.bytes).toBe(512 * 1024);
    });

    it("rejects a body over the limit with a 413 naming the limit, leaving no object behind", async () => {
      const store = makeStore();
      const before = await objectsLeft();
      const source = body(64); // 4 MiB, produced lazily
      const meter = through(source, new UploadMeter(LIMIT, false));
      const error = await store.put("datasets/tabular/t/v2/big.csv", meter).then(() => null, (e: unknown) => e);
      expect(isUploadTooLarge(error)).toBe(true);
      expect((error as Error).message).toMatch(/larger than the upload limit of 1 MB \(CHURNOPS_MAX_UPLOAD_MB\)/);
      // Aborted at the first chunk past the limit: the rest of the body was never read.
      expect(meter.bytes).toBeLessThanOrEqual(LIMIT + 64 * 1024);
      expect(await store.head("datasets/tabular/t/v2/big.csv")).toBeNull();
      expect(await objectsLeft()).toBe(before);
    });
  });
}

let localDir: string;
limitContract("local", () => new LocalArtifactStore(localDir), async () => (await filesUnder(localDir)).length);

const require = createRequire(import.meta.url);
const S3rver = require("s3rver") as new (o: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> };
let s3Dir: string;
let s3Server: { close(): Promise<void> } | undefined;
let s3Endpoint = "";
const s3Stores: S3ArtifactStore[] = [];
limitContract(
  "S3 (s3rver)",
  () => {
    const store = new S3ArtifactStore({ bucket: "limit-test", endpoint: s3Endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    s3Stores.push(store);
    return store;
  },
  async () => (await filesUnder(s3Dir)).filter((f) => f.endsWith("._S3rver_object")).length,
);

beforeAll(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), "churnops-limit-local-"));
  s3Dir = await mkdtemp(path.join(tmpdir(), "churnops-limit-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "limit-test" }] });
  const { port } = await server.run();
  s3Server = server;
  s3Endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  s3Stores.forEach((s) => s.destroy());
  await s3Server?.close();
  await rm(localDir, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

describe("Utf8Detector", () => {
  it("accepts UTF-8 split inside a multi-byte character and rejects Latin-1 bytes", () => {
    const text = Buffer.from("niño,café,€\n", "utf8");
    for (let cut = 1; cut < text.length; cut++) {
      const d = new Utf8Detector();
      d.push(text.subarray(0, cut));
      d.push(text.subarray(cut));
      expect(d.end(), `cut at ${cut}`).toBe(true);
    }
    const latin = new Utf8Detector();
    latin.push(Buffer.from("ni\xf1o,caf\xe9\n", "latin1"));
    expect(latin.end()).toBe(false);
    const unfinished = new Utf8Detector();
    unfinished.push(Buffer.from([0x61, 0xc3]));
    expect(unfinished.end()).toBe(false);
  });
});
