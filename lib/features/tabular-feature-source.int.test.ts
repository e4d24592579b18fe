import { describe, expect, it } from "vitest";
import { runLocally } from "../pipelines/local-executor.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv, churnRow } from "../sources/tabular/testing.ts";
import { loadTrainingFrame } from "./load-training-frame.ts";
import { tabularFeatureSource } from "./tabular-feature-source.ts";

describe("tabular training frames", () => {
  it("reads the load run's snapshot: id = entity, target = label, one typed column per confirmed feature", async () => {
    // 40 rows from the Telco-like helper (row i churns when i % 4 == 0) plus row 41 without MonthlyCharges.
    const csv = churnCsv(40, { extra: [churnRow(41, { MonthlyCharges: "" })] });
    const { version } = await createDatasetVersionFromUpload(csv, { name: "Features tabular", fileName: "ft.csv" });
    await confirmDatasetVersion(version.id, {
      idColumn: "customerID", targetColumn: "Churn", positiveValue: "Yes",
      columns: [{ name: "City", role: "ignore" }, { name: "Partner", type: "boolean" }, { name: "SignupDate", type: "date" }, { name: "tenure", type: "numeric" }],
    });
    const { runId } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });

    const source = await tabularFeatureSource(version.id);
    expect(source.relation).toMatch(/^snapshots\.tabular_features_tabular_v1__/);
    expect(source.features.map((f) => f.name)).not.toContain("city"); // ignored
    expect(source.features.find((f) => f.name === "partner")).toEqual({ name: "partner", kind: "boolean" });
    expect(source.features.find((f) => f.name === "signupdate")).toEqual({ name: "signupdate", kind: "date" });
    expect(source.features.find((f) => f.name === "tenure")).toEqual({ name: "tenure", kind: "numeric" });

    const { frame } = await loadTrainingFrame({ source: "tabular", datasetVersionId: version.id });
    expect(frame.rows).toBe(41);
    expect(frame.asOf).toBeUndefined(); // one row per customer: no panel dates
    expect(frame.entityIds!.slice(0, 2)).toEqual(["C10001", "C10002"]); // file order
    expect([...frame.labels!]).toEqual(Array.from({ length: 41 }, (_, k) => ((k + 1) % 4 === 0 ? 1 : 0)));
    const col = (name: string) => frame.columns.find((c) => c.name === name)!;
    // row 1: tenure 1 % 72 = 1, Partner "Yes" (1 % 3 != 0), SignupDate 2023-02-02, MonthlyCharges 20 + 7.3 = 27.30
    expect(col("tenure").values[0]).toBe(1);
    expect(col("partner").values[0]).toBe(1);
    expect(col("partner").values[2]).toBe(0); // row 3: "No"
    expect(col("signupdate").values[0]).toBe(Date.UTC(2023, 1, 2) / 86_400_000);
    expect(col("monthlycharges").values[0]).toBeCloseTo(27.3, 10);
    expect(Number.isNaN(col("monthlycharges").values[40] as number)).toBe(true); // the empty cell of row 41
    expect(col("contract")).toMatchObject({ kind: "categorical" });
    expect(col("contract").values[0]).toBe("One year"); // ["Month-to-month", "One year", "Two year"][1 % 3]
  });
});
