import { describe, expect, it } from "vitest";
import { artifactHref, formatBytes, formatCount, formatDateTime, formatDuration, shortId } from "./format.ts";

describe("format", () => {
  it("formats timestamps in UTC, independent of the machine's zone", () => {
    expect(formatDateTime("2025-01-02T03:04:05.678Z")).toBe("2025-01-02 03:04:05 UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("formats durations at a readable scale", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
    expect(formatDuration(null)).toBe("—");
  });

  it("formats sizes and counts", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(31_020_804)).toBe("30 MB");
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(300)).toBe("300");
  });

  it("keeps key slashes as path segments in download links", () => {
    expect(artifactHref("datasets/elearning/2025-01-01/users.csv")).toBe("/api/artifacts/datasets/elearning/2025-01-01/users.csv");
    expect(artifactHref("a/b c.csv")).toBe("/api/artifacts/a/b%20c.csv");
    expect(shortId("520248c5-f011-4fff-9979-bf3f483eec42")).toBe("520248c5");
  });
});
