import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A user's clone has only this repository: every relative link in the README and docs/ must resolve to a file or
// folder inside it (the README once pointed at ../shared/ARCHITECTURE.md, outside the repo).
const root = path.resolve(import.meta.dirname, "..");
const docs = ["README.md", ...fs.readdirSync(path.join(root, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];
const LINK = /\]\(([^)\s]+)\)|`(\.\.\/[^`]+)`/g;

describe("documentation links", () => {
  it("point only at files inside the repository", () => {
    expect(docs).toContain(path.join("docs", "architecture.md"));
    for (const doc of docs) {
      const text = fs.readFileSync(path.join(root, doc), "utf8");
      for (const match of text.matchAll(LINK)) {
        const target = (match[1] ?? match[2]).split("#")[0];
        if (!target || /^[a-z]+:/i.test(target)) continue; // http(s), mailto: not files
        const resolved = path.resolve(root, path.dirname(doc), target);
        expect(resolved.startsWith(root + path.sep), `${doc}: ${target} leaves the repository`).toBe(true);
        expect(fs.existsSync(resolved), `${doc}: ${target} does not exist`).toBe(true);
      }
    }
  });
});
