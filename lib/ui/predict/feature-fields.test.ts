import { describe, expect, it } from "vitest";
import type { FeatureSchema } from "../../ml/preprocess/preprocessor-json.ts";
import { featureLabel, fieldSpecs, medianValues, rowToValues, valuesToRow } from "./feature-fields.ts";

const schema: FeatureSchema[] = [
  { name: "days_since_last_activity", kind: "numeric", missingShare: 0, min: 0, max: 60, median: 8 },
  { name: "watch_minutes_30", kind: "numeric", missingShare: 0.1, min: 0, max: 912.5, median: 140.25 },
  { name: "is_paid", kind: "boolean", missingShare: 0, min: 0, max: 1, median: 0 },
  { name: "plan", kind: "categorical", missingShare: 0.05, categories: ["free", "paid"], hasOther: false },
  { name: "signup_date", kind: "date", missingShare: 0, min: 10, max: 400, median: 100, unit: "days" },
];
const TODAY = 20455; // 2026-01-02

describe("what-if form fields", () => {
  it("labels features in words and bounds numbers by the training range", () => {
    expect(featureLabel("days_since_last_activity")).toBe("Days since last activity");
    const specs = fieldSpecs(schema, TODAY);
    expect(specs[0]).toMatchObject({ kind: "numeric", min: 0, max: 60, step: "1", hint: "Training range 0 to 60, median 8." });
    expect(specs[1]).toMatchObject({ step: "any", hint: expect.stringMatching(/Empty = unknown\.$/) });
    expect(specs[3]).toMatchObject({ kind: "categorical", options: ["free", "paid"] });
    // ages 10..400 days at 2026-01-02 → 2024-11-28 .. 2025-12-23 (Python: date(2026,1,2) - timedelta(days=400))
    expect(specs[4]).toMatchObject({ kind: "date", min: "2024-11-28", max: "2025-12-23" });
  });

  it("starts from the medians and the most frequent category", () => {
    expect(medianValues(schema, TODAY)).toEqual({ days_since_last_activity: "8", watch_minutes_30: "140.3", is_paid: "false", plan: "free", signup_date: "2025-09-24" });
  });

  it("turns the form back into an API row, refusing values outside the training range", () => {
    const specs = fieldSpecs(schema, TODAY);
    const { row, errors } = valuesToRow(specs, { days_since_last_activity: "12", watch_minutes_30: "", is_paid: "true", plan: "paid", signup_date: "2025-01-01" });
    expect(errors).toEqual({});
    expect(row).toEqual({ days_since_last_activity: 12, watch_minutes_30: null, is_paid: true, plan: "paid", signup_date: "2025-01-01" });
    expect(valuesToRow(specs, { days_since_last_activity: "61", signup_date: "2020-01-01" }).errors).toEqual({
      days_since_last_activity: "Enter a value from 0 to 60 (the training range).",
      signup_date: "Enter a date from 2024-11-28 to 2025-12-23 (the training range).",
    });
    expect(rowToValues(schema, { days_since_last_activity: 3, is_paid: true, plan: null })).toMatchObject({ days_since_last_activity: "3", is_paid: "true", plan: "" });
  });
});
