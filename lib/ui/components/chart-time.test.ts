import { describe, expect, it } from "vitest";
import { formatTooltipTime, timeDomain, timeTickFormatter } from "./chart-time.ts";

const t0 = Date.UTC(2026, 11, 1, 10, 0);

describe("timeDomain", () => {
  it("pads 3% of the span on each side", () => {
    expect(timeDomain([t0, t0 + 100_000, t0 + 50_000])).toEqual([t0 - 3_000, t0 + 103_000]);
  });
  it("gives a single point an hour either side", () => {
    expect(timeDomain([t0])).toEqual([t0 - 3_600_000, t0 + 3_600_000]);
  });
});

describe("timeTickFormatter", () => {
  it("shows the time of day within two days and the date beyond", () => {
    expect(timeTickFormatter([t0, t0 + 3_600_000])(t0)).toBe("10:00");
    expect(timeTickFormatter([t0, t0 + 10 * 86_400_000])(t0)).toBe("1 Dec");
    expect(timeTickFormatter([t0, t0 + 400 * 86_400_000])(t0)).toBe("Dec 2026");
  });
});

describe("formatTooltipTime", () => {
  it("prints UTC minutes", () => {
    expect(formatTooltipTime(t0 + 34 * 60_000)).toBe("2026-12-01 10:34 UTC");
  });
});
