import { describe, expect, it } from "vitest";
import { predictionsTableCsvLines, predictionsTableCsvStream } from "./predictions-table-csv.ts";
import type { PredictionRowView } from "./run-predictions.ts";

const rows: PredictionRowView[] = [
  { rank: 1, entityId: "=HYPERLINK(\"x\")", asOf: "2026-11-30", probability: 0.91, riskBand: "high", reasons: [{ feature: "days_since_last_activity", value: 40, contribution: 1.25 }, { feature: "plan", value: "free", contribution: 0.5 }, { feature: "logins_7", value: null, contribution: -0.25 }] },
  { rank: 2, entityId: "u2", asOf: null, probability: 0.2, riskBand: "low", reasons: null },
];

describe("predictionsTableCsvLines", () => {
  it("spreads the reasons over columns, neutralises formula-like ids, leaves missing reasons empty", () => {
    expect(predictionsTableCsvLines(rows).split("\r\n")).toEqual([
      `1,"'=HYPERLINK(""x"")",2026-11-30,0.91,high,days_since_last_activity,40,1.25,plan,free,0.5,logins_7,,-0.25`,
      "2,u2,,0.2,low,,,,,,,,,",
      "",
    ]);
  });
});

describe("predictionsTableCsvStream", () => {
  it("writes the header, then each batch", async () => {
    async function* batches() {
      yield rows.slice(0, 1);
      yield rows.slice(1);
    }
    const text = await new Response(predictionsTableCsvStream(batches())).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("rank,entity_id,as_of,probability,risk_band,reason_1_feature,reason_1_value,reason_1_contribution,reason_2_feature,reason_2_value,reason_2_contribution,reason_3_feature,reason_3_value,reason_3_contribution");
    expect(lines).toHaveLength(4);
    expect(lines[2]!.startsWith("2,u2,")).toBe(true);
  });
});
