import { describe, expect, it } from "vitest";
import { formatAge } from "./format-age.ts";
import { overviewVerdict } from "./overview-verdict.ts";

const src = (title: string, status: "fresh" | "stale" | "loading" | "failed" | "empty", latestRunId: string | null = null) => ({ title, status, latestRunId });

describe("overviewVerdict", () => {
  it("sends a new user to the sample data", () => {
    expect(overviewVerdict({ sources: [src("E-learning", "empty"), src("Wallet", "empty")], failedRuns: 0, active: false, trained: false })).toMatchObject({ title: "No data yet", next: { href: "/pipelines#elearning-sample" } });
  });
  it("puts a failed load before stale data and before older failures", () => {
    const v = overviewVerdict({ sources: [src("E-learning", "failed", "r1"), src("Wallet", "stale")], failedRuns: 3, active: false, trained: false });
    expect(v).toMatchObject({ tone: "destructive", title: "The last load of E-learning failed", next: { href: "/runs/r1" } });
    expect(overviewVerdict({ sources: [src("E-learning", "fresh"), src("Wallet", "stale")], failedRuns: 3, active: false, trained: false }).tone).toBe("warning");
  });
  it("says healthy and points to training when all loaded sources are fresh", () => {
    expect(overviewVerdict({ sources: [src("E-learning", "fresh"), src("Wallet", "empty")], failedRuns: 0, active: false, trained: false })).toMatchObject({ tone: "success", title: "Data is fresh and healthy", next: { label: "Next: train a model" } });
  });
});

describe("formatAge", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("uses the largest unit that fits", () => {
    expect(formatAge(null, now)).toBe("never");
    expect(formatAge("2026-12-02T11:59:30Z", now)).toBe("just now");
    expect(formatAge("2026-12-02T11:48:00Z", now)).toBe("12 min ago");
    expect(formatAge("2026-12-01T07:00:00Z", now)).toBe("29 h ago");
    expect(formatAge("2026-11-28T12:00:00Z", now)).toBe("4 days ago");
  });
});
