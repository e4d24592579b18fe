import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArtifactStore } from "./artifact-store.ts";
import { ArtifactConflictError, ArtifactNotFoundError, InvalidArtifactKeyError } from "./errors.ts";

export interface ContractSubject {
  store: ArtifactStore;
  cleanup: () => Promise<void>;
}

/** Larger than lib-storage's 5 MiB part size, so S3 goes through multipart upload. */
const LARGE_SIZE = 12 * 1024 * 1024 + 123;
const INVALID_KEYS = ["../escape.txt", "%2e%2e/escape.txt", "/etc/passwd", "file:///etc/passwd", "a//b"];

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Odd-sized chunks so no implementation can rely on chunk boundaries lining up with parts. */
function chunkedStream(bytes: Buffer, chunkSize = 64 * 1024 + 7): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    })(),
  );
}

/** Every ArtifactStore implementation must pass these; each suite gets its own empty store. */
export interface ContractOptions {
  /**
   * The server creates an object only if its key is free, atomically (S3's If-None-Match: * PUT, a local link()).
   * s3rver ignores that header, so its suite skips the one test that needs it; see S3ArtifactStore.put.
   */
  atomicCreate?: boolean;
}

export function describeArtifactStoreContract(name: string, makeStore: () => Promise<ContractSubject>, options: ContractOptions = {}): void {
  describe(`ArtifactStore contract: ${name}`, () => {
    let subject: ContractSubject;
    const store = (): ArtifactStore => subject.store;

    beforeAll(async () => {
      subject = await makeStore();
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it("round-trips a string and reports its utf-8 size and sha256", async () => {
      const text = "id,churned\n1,true\nnaïve,ß\n";
      const stored = await store().put("roundtrip/text.csv", text, { contentType: "text/csv" });
      expect(stored).toEqual({ key: "roundtrip/text.csv", bytes: Buffer.byteLength(text), sha256: sha256(Buffer.from(text)) });
      expect((await store().getBuffer("roundtrip/text.csv")).toString("utf8")).toBe(text);
    });

    it("round-trips a Buffer and a plain Uint8Array", async () => {
      const bytes = randomBytes(4096);
      expect((await store().put("roundtrip/buffer.bin", bytes)).sha256).toBe(sha256(bytes));
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset + 10, 100);
      expect((await store().put("roundtrip/view.bin", view)).bytes).toBe(100);
      expect((await store().getBuffer("roundtrip/buffer.bin")).equals(bytes)).toBe(true);
      expect((await store().getBuffer("roundtrip/view.bin")).equals(Buffer.from(view))).toBe(true);
    });

    it("round-trips an empty body", async () => {
      const stored = await store().put("roundtrip/empty.txt", "");
      expect(stored.bytes).toBe(0);
      expect((await store().getBuffer("roundtrip/empty.txt")).length).toBe(0);
      expect((await store().head("roundtrip/empty.txt"))?.bytes).toBe(0);
    });

    it("streams a ~12 MiB Readable and reports the sha256 of exactly those bytes", { timeout: 30_000 }, async () => {
      const bytes = randomBytes(LARGE_SIZE);
      const stored = await store().put("roundtrip/large.bin", chunkedStream(bytes), { contentType: "application/octet-stream" });
      expect(stored).toEqual({ key: "roundtrip/large.bin", bytes: LARGE_SIZE, sha256: sha256(bytes) });
      const hash = createHash("sha256");
      let received = 0;
      for await (const chunk of await store().getStream("roundtrip/large.bin")) {
        hash.update(chunk as Buffer);
        received += (chunk as Buffer).length;
      }
      expect(received).toBe(LARGE_SIZE);
      expect(hash.digest("hex")).toBe(sha256(bytes));
    });

    it("heads an existing object and returns null for a missing one", async () => {
      const before = Date.now();
      await store().put("head/present.txt", "12345");
      const head = await store().head("head/present.txt");
      expect(head?.bytes).toBe(5);
      expect(head?.lastModified).toBeInstanceOf(Date);
      // Coarse: S3 truncates to seconds and clocks may differ slightly.
      expect(Math.abs(head!.lastModified.getTime() - before)).toBeLessThan(60_000);
      expect(await store().head("head/missing.txt")).toBeNull();
    });

    it("lists by prefix, sorted by key, with sizes", async () => {
      const keys = Array.from({ length: 30 }, (_, i) => `list/${["b", "a", "ab"][i % 3]}/item-${String(29 - i).padStart(2, "0")}.txt`);
      await Promise.all(keys.map((key, i) => store().put(key, "x".repeat(i + 1))));
      const underA = await store().list("list/a/");
      expect(underA.map((o) => o.key)).toEqual(keys.filter((k) => k.startsWith("list/a/")).sort());
      expect(underA).toHaveLength(10);
      const underAPrefix = await store().list("list/a");
      expect(underAPrefix.map((o) => o.key)).toEqual(keys.filter((k) => k.startsWith("list/a")).sort());
      const all = await store().list("list/");
      expect(all.map((o) => o.key)).toEqual([...keys].sort());
      const first = all.find((o) => o.key === keys[0]);
      expect(first?.bytes).toBe(1);
      expect(first?.lastModified).toBeInstanceOf(Date);
    });

    it('lists everything for prefix "" and nothing for an unknown prefix', async () => {
      // Not "list-all/": s3rver pages in folder order, which differs from key order when a name
      // continues with a character sorting before "/", and would then skip keys across pages.
      await store().put("listall/one.txt", "1");
      await store().put("other/two.txt", "2");
      const everything = (await store().list("")).map((o) => o.key);
      expect(everything).toEqual(expect.arrayContaining(["listall/one.txt", "other/two.txt"]));
      expect(everything).toEqual([...everything].sort());
      expect(await store().list("no-such-prefix/")).toEqual([]);
    });

    it("deletes an object, and deleting a missing key is not an error", async () => {
      await store().put("delete/me.txt", "bye");
      await store().delete("delete/me.txt");
      expect(await store().head("delete/me.txt")).toBeNull();
      expect(await store().list("delete/")).toEqual([]);
      await expect(store().delete("delete/me.txt")).resolves.toBeUndefined();
      await expect(store().delete("delete/never-existed.txt")).resolves.toBeUndefined();
    });

    it("rejects reads of a missing key with ArtifactNotFoundError naming the key", async () => {
      await expect(store().getStream("missing/nothing.bin")).rejects.toBeInstanceOf(ArtifactNotFoundError);
      await expect(store().getBuffer("missing/nothing.bin")).rejects.toMatchObject({
        code: "ARTIFACT_NOT_FOUND",
        key: "missing/nothing.bin",
      });
    });

    it("rejects invalid keys in every method with InvalidArtifactKeyError and writes nothing", async () => {
      for (const key of INVALID_KEYS) {
        await expect(store().put(key, "pwned")).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store().getStream(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store().getBuffer(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store().head(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store().delete(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
        await expect(store().downloadUrl(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
      }
      for (const prefix of ["../", "%2e%2e/", "/", "s3://bucket/"]) {
        await expect(store().list(prefix)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
      }
      const everything = await store().list("");
      expect(everything.some((o) => o.key.includes("escape") || o.key.includes("passwd"))).toBe(false);
    });

    it("refuses to overwrite a key with different bytes and keeps the stored object", async () => {
      await store().put("write-once/file.txt", "first version, longer");
      const attempt = store().put("write-once/file.txt", "v2");
      await expect(attempt).rejects.toBeInstanceOf(ArtifactConflictError);
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", status: 409, key: "write-once/file.txt" });
      const streamed = store().put("write-once/file.txt", chunkedStream(Buffer.from("a streamed v3"), 4));
      await expect(streamed).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await store().getBuffer("write-once/file.txt")).toString()).toBe("first version, longer");
      expect((await store().head("write-once/file.txt"))?.bytes).toBe(21);
      expect((await store().list("write-once/")).map((o) => o.key)).toEqual(["write-once/file.txt"]);
    });

    it("accepts the same bytes again as a no-op (an idempotent retry), from a buffer or a stream", async () => {
      const bytes = randomBytes(10_000);
      const first = await store().put("write-once/retry.bin", chunkedStream(bytes, 999));
      expect(await store().put("write-once/retry.bin", bytes)).toEqual(first);
      expect(await store().put("write-once/retry.bin", chunkedStream(bytes, 333))).toEqual(first);
      expect((await store().getBuffer("write-once/retry.bin")).equals(bytes)).toBe(true);
    });

    it.skipIf(options.atomicCreate === false)("lets exactly one of two concurrent writers of one key with different bytes win", async () => {
      const results = await Promise.allSettled([store().put("write-once/race.txt", "writer A"), store().put("write-once/race.txt", "writer B")]);
      const won = results.filter((r) => r.status === "fulfilled");
      const stored = (await store().getBuffer("write-once/race.txt")).toString();
      expect(["writer A", "writer B"]).toContain(stored);
      // A winner's reported sha256 always describes the stored bytes; a loser got CONFLICT (never a silent overwrite).
      for (const r of won) expect((r as PromiseFulfilledResult<{ sha256: string }>).value.sha256).toBe(sha256(Buffer.from(stored)));
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ArtifactConflictError);
    });

    it("allows a new write after the key was deleted", async () => {
      await store().put("write-once/deleted.txt", "old");
      await store().delete("write-once/deleted.txt");
      await store().put("write-once/deleted.txt", "new");
      expect((await store().getBuffer("write-once/deleted.txt")).toString()).toBe("new");
    });
  });
}
