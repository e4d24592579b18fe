import { describe, expect, it } from "vitest";
import { trimAscii } from "./trim-ascii.ts";

describe("trimAscii", () => {
  it("strips space, tab, CR, LF, VT and FF at both ends only", () => {
    expect(trimAscii(" \t\r\n\v\fInstore \t\r")).toBe("Instore");
    expect(trimAscii("Money Transfer")).toBe("Money Transfer");
  });
  it("keeps non-ASCII spaces, which are data", () => {
    expect(trimAscii("\u00a0x\u00a0")).toBe("\u00a0x\u00a0");
  });
});
