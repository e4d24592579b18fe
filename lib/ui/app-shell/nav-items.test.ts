import { describe, expect, it } from "vitest";
import { activeNavHref } from "./nav-items.ts";

describe("activeNavHref", () => {
  it("marks the most specific section", () => {
    expect(activeNavHref("/")).toBe("/");
    expect(activeNavHref("/data")).toBe("/data");
    expect(activeNavHref("/data/quality")).toBe("/data/quality");
    expect(activeNavHref("/data/quality/0c1d")).toBe("/data/quality");
    expect(activeNavHref("/runs/abc")).toBe("/runs");
  });
  it("does not match a mere name prefix or an unknown page", () => {
    expect(activeNavHref("/database")).toBeUndefined();
    expect(activeNavHref("/login")).toBeUndefined();
  });
});
