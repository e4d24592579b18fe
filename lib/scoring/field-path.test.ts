import { describe, expect, it } from "vitest";
import { fieldPath } from "./field-path.ts";

describe("fieldPath", () => {
  it("writes array indices in brackets and keys after dots", () => {
    expect(fieldPath(["rows", 3, "watch_minutes"])).toBe("rows[3].watch_minutes");
    expect(fieldPath(["row", "plan"])).toBe("row.plan");
    expect(fieldPath([])).toBe("body");
  });
});
