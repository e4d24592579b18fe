import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path.ts";

describe("safeNextPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeNextPath("/data/rejects?source=elearning&page=2")).toBe("/data/rejects?source=elearning&page=2");
    expect(safeNextPath("/runs/3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21")).toBe("/runs/3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21");
  });

  it("sends anything that could leave the site, or loop back to /login, to /", () => {
    for (const raw of [undefined, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/ok\u0000", "/a\\b", "/login", "/login?next=/x", "x".repeat(3000), 42]) {
      expect(safeNextPath(raw), String(raw)).toBe("/");
    }
  });
});
