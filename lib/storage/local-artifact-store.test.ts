import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeArtifactStoreContract } from "./artifact-store.contract.ts";
import { createArtifactStore } from "./create-artifact-store.ts";
import { InvalidArtifactKeyError } from "./errors.ts";
import { LocalArtifactStore, resolveInside } from "./local-artifact-store.ts";

async function freshDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "churnops-local-store-"));
}

describeArtifactStoreContract("LocalArtifactStore", async () => {
  const dir = await freshDir();
  return { store: new LocalArtifactStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe("resolveInside", () => {
  const root = path.resolve("/srv/artifacts");

  it("maps a key to a path below the root", () => {
    expect(resolveInside(root, "models/churn/1/model.json")).toBe(path.join(root, "models", "churn", "1", "model.json"));
  });

  it("allows names that merely start with two dots", () => {
    expect(resolveInside(root, "..data/x")).toBe(path.join(root, "..data", "x"));
  });

  it("refuses paths that escape the root even when key validation is bypassed", () => {
    for (const key of ["../outside", "a/../../outside", "/etc/passwd", "..", "a/../.."]) {
      expect(() => resolveInside(root, key)).toThrow(InvalidArtifactKeyError);
    }
  });

  it("refuses a sibling folder whose name starts with the root's name", () => {
    expect(() => resolveInside(root, "../artifacts-evil/x")).toThrow(InvalidArtifactKeyError);
  });

  it("refuses the root itself", () => {
    expect(() => resolveInside(root, "")).toThrow(InvalidArtifactKeyError);
    expect(() => resolveInside(root, "a/..")).toThrow(InvalidArtifactKeyError);
  });
});

describe("LocalArtifactStore", () => {
  let dir: string;
  let store: LocalArtifactStore;

  beforeEach(async () => {
    dir = await freshDir();
    store = new LocalArtifactStore(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves no temp files behind after a put", async () => {
    await store.put("models/churn/1/model.json", "{}");
    await store.put("models/churn/1/model.json", Readable.from([Buffer.from("{}")]));
    await expect(store.put("models/churn/1/model.json", Readable.from([Buffer.from('{"v":2}')]))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await readdir(path.join(dir, "models", "churn", "1"))).toEqual(["model.json"]);
  });

  it("does not list temp files left by a crashed write", async () => {
    await store.put("reports/drift/2026-01-01.html", "<html></html>");
    await writeFile(path.join(dir, "reports", "drift", ".~tmp-crashed"), "half");
    expect((await store.list("")).map((o) => o.key)).toEqual(["reports/drift/2026-01-01.html"]);
  });

  it("keeps the previous object and removes the temp file when the body stream fails", async () => {
    await store.put("datasets/users.csv", "old");
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial new content"));
        this.destroy(new Error("upstream connection reset"));
      },
    });
    await expect(store.put("datasets/users.csv", failing)).rejects.toThrow("upstream connection reset");
    expect((await store.getBuffer("datasets/users.csv")).toString()).toBe("old");
    expect(await readdir(path.join(dir, "datasets"))).toEqual(["users.csv"]);
  });

  it("prunes folders emptied by delete so the name can become a file", async () => {
    await store.put("a/b/c.txt", "x");
    await store.delete("a/b/c.txt");
    expect(await readdir(dir)).toEqual([]);
    await store.put("a", "now a file");
    expect((await store.getBuffer("a")).toString()).toBe("now a file");
  });

  it("treats a folder as a missing object", async () => {
    await store.put("models/churn/1/model.json", "{}");
    expect(await store.head("models/churn")).toBeNull();
    await expect(store.getStream("models/churn")).rejects.toMatchObject({ code: "ARTIFACT_NOT_FOUND" });
  });

  it("has no download URL, so the app streams the object itself", async () => {
    await store.put("reports/r.html", "<p>");
    expect(await store.downloadUrl("reports/r.html")).toBeNull();
    expect(store.kind).toBe("local");
  });
});

describe("createArtifactStore", () => {
  it("uses the local folder when no bucket is configured", () => {
    expect(createArtifactStore({ localDir: tmpdir() }).kind).toBe("local");
    expect(createArtifactStore({ localDir: tmpdir(), s3: { bucket: "" } }).kind).toBe("local");
  });

  it("uses S3 when a bucket is configured", () => {
    const store = createArtifactStore({ localDir: tmpdir(), s3: { bucket: "b", endpoint: "http://127.0.0.1:1" } });
    expect(store.kind).toBe("s3");
  });
});
