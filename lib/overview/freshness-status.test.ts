import { describe, expect, it } from "vitest";
import { freshnessStatus, STALE_AFTER_MS } from "./freshness-status.ts";

const now = new Date("2026-12-02T00:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("freshnessStatus", () => {
  it("is empty before any load and loading while a load is queued or running", () => {
    expect(freshnessStatus({ loadedAt: null, latestStatus: null, now })).toBe("empty");
    expect(freshnessStatus({ loadedAt: null, latestStatus: "queued", now })).toBe("loading");
    expect(freshnessStatus({ loadedAt: ago(1000), latestStatus: "running", now })).toBe("loading");
  });
  it("says failed when the newest load failed, even if older data is loaded", () => {
    expect(freshnessStatus({ loadedAt: ago(1000), latestStatus: "failed", now })).toBe("failed");
  });
  it("turns stale just past the threshold, and a cancelled newest run keeps the loaded data's age", () => {
    expect(freshnessStatus({ loadedAt: ago(STALE_AFTER_MS), latestStatus: "succeeded", now })).toBe("fresh");
    expect(freshnessStatus({ loadedAt: ago(STALE_AFTER_MS + 1), latestStatus: "succeeded", now })).toBe("stale");
    expect(freshnessStatus({ loadedAt: ago(1000), latestStatus: "cancelled", now })).toBe("fresh");
  });
});
