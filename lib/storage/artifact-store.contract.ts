import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArtifactStore } from "./artifact-store.ts";
import { ArtifactNotFoundError, InvalidArtifactKeyError } from "./errors.ts";

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
export function describeArtifactStoreContract(name: string, makeStore: () => Promise<ContractSubject>): void {
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

    it("overwrites an existing key with the new content", async () => {
      await store().put("overwrite/file.txt", "first version, longer");
      const stored = await store().put("overwrite/file.txt", "v2");
      expect(stored.bytes).toBe(2);
      expect((await store().getBuffer("overwrite/file.txt")).toString()).toBe("v2");
      expect((await store().head("overwrite/file.txt"))?.bytes).toBe(2);
      expect((await store().list("overwrite/")).map((o) => o.key)).toEqual(["overwrite/file.txt"]);
    });
  });
}
