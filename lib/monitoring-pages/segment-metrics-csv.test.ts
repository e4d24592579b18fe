import { describe, expect, it } from "vitest";
import { segmentMetricsCsv } from "./segment-metrics-csv.ts";
import type { SegmentMetricView } from "./segment-metric-view.ts";

const RUN = "00000000-0000-4000-8000-000000000001";
const row = (over: Partial<SegmentMetricView> = {}): SegmentMetricView => ({
  segmentColumn: "(all)", segmentValue: "(all)", rows: 400, positives: 60, rocAuc: 0.8, prAuc: 0.25, k: 50, precisionAtK: 0.5, brier: 0.11, calibrationError: 0.03, flagged: true, gap: null,
  ...over,
});

describe("segmentMetricsCsv", () => {
  it("writes the header and one line per row, flags as true/false", () => {
    expect(segmentMetricsCsv(RUN, [row()])).toBe(
      "run_id,segment_column,segment_value,rows,churners,roc_auc,pr_auc,k,precision_at_k,brier,calibration_error,below_threshold,note\r\n" +
        `${RUN},(all),(all),400,60,0.8,0.25,50,0.5,0.11,0.03,true,\r\n`,
    );
  });

  it("leaves metrics empty and names the reason when a segment had too few rows or one class", () => {
    const lines = segmentMetricsCsv(RUN, [
      row({ segmentColumn: "plan", segmentValue: "free", rows: 12, positives: 3, rocAuc: null, prAuc: null, precisionAtK: null, brier: null, calibrationError: null, flagged: false, gap: "too-few-rows", k: 12 }),
      row({ segmentColumn: "plan", segmentValue: "paid", rows: 40, positives: 0, rocAuc: null, prAuc: null, precisionAtK: null, brier: null, calibrationError: null, flagged: false, gap: "one-class" }),
    ]).split("\r\n");
    expect(lines[1]).toBe(`${RUN},plan,free,12,3,,,12,,,,false,too few rows`);
    expect(lines[2]).toBe(`${RUN},plan,paid,40,0,,,50,,,,false,one class only`);
  });

  it("neutralises a segment value a spreadsheet would run as a formula", () => {
    const line = segmentMetricsCsv(RUN, [row({ segmentColumn: "country", segmentValue: '=HYPERLINK("http://evil","x")' })]).split("\r\n")[1];
    expect(line).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`);
  });
});
