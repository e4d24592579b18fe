import { describe, expect, it } from "vitest";
import { walletSampleParams } from "./wallet-params.ts";

describe("walletSampleParams", () => {
  it("fills the documented defaults", () => {
    expect(walletSampleParams.parse({})).toEqual({
      buyers: 40000, seed: 42, churnRate: 0.6, startDate: "2025-01-01", paymentsPerBuyer: 14, includePayments: true, quirks: true,
    });
  });

  it("reads flags and numbers written as text (forms, --param k=v) and re-reads its own output", () => {
    const parsed = walletSampleParams.parse({ buyers: "2000", includePayments: "false", quirks: "0", churnRate: "0.5" });
    expect(parsed).toMatchObject({ buyers: 2000, includePayments: false, quirks: false, churnRate: 0.5 });
    expect(walletSampleParams.parse(parsed)).toEqual(parsed);
  });

  it("names the field of a bad value", () => {
    for (const [bad, field] of [[{ buyers: 5 }, "buyers"], [{ startDate: "2025-02-30" }, "startDate"], [{ includePayments: "maybe" }, "includePayments"]] as const) {
      const r = walletSampleParams.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual([field]);
    }
  });
});
