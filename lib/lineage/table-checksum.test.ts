import { describe, expect, it } from "vitest";
import { combineChecksums } from "./table-checksum.ts";

describe("combineChecksums", () => {
  it("adds signed 64-bit chunk sums modulo 2^64 as 16 hex digits", () => {
    // Reference: Python  format((-1 + 2**63 - 1 + 5) % 2**64, '016x')  -> '8000000000000003'
    expect(combineChecksums(["-1", String(2n ** 63n - 1n), "5"])).toBe("8000000000000003");
  });

  it("is the same for chunks in any order and any split (order-independent)", () => {
    const a = combineChecksums(["123456789012345678", "-987654321098765432", "42"]);
    expect(combineChecksums(["42", "-987654321098765432", "123456789012345678"])).toBe(a);
    expect(combineChecksums([String(123456789012345678n - 987654321098765432n + 42n)])).toBe(a);
  });

  it("gives zeros for an empty table", () => {
    expect(combineChecksums([])).toBe("0000000000000000");
    expect(combineChecksums(["0"])).toBe("0000000000000000");
  });
});
