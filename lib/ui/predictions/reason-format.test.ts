import { describe, expect, it } from "vitest";
import { formatReasonValue, reasonChip } from "./reason-format.ts";

describe("reasonChip", () => {
  it("points up for a positive contribution and down for a negative one", () => {
    expect(reasonChip({ feature: "days_since_last_activity", value: 40, contribution: 1.234 })).toEqual({
      feature: "days_since_last_activity", arrow: "↑", effect: "raises risk", detail: "value 40 · +1.23 log-odds",
    });
    expect(reasonChip({ feature: "logins_7", value: null, contribution: -0.5 })).toMatchObject({ arrow: "↓", effect: "lowers risk", detail: "value missing · −0.50 log-odds" });
    expect(reasonChip({ feature: "plan", value: "free", contribution: 0 })).toMatchObject({ arrow: "·", effect: "no effect" });
  });
});

describe("formatReasonValue", () => {
  it("keeps integers and text, rounds other numbers to 4 significant digits", () => {
    expect(formatReasonValue(12)).toBe("12");
    expect(formatReasonValue(0.123456)).toBe("0.1235");
    expect(formatReasonValue(12345.678)).toBe("12350");
    expect(formatReasonValue("paid")).toBe("paid");
  });
});
