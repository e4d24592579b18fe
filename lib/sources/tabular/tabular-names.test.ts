import { describe, expect, it } from "vitest";
import { parseDataDescriptions, describeColumn } from "./data-descriptions.ts";
import { csvArtifactFileName, datasetSlugBase, rawTableName, sqlColumnNames, uniqueSlug } from "./tabular-names.ts";

describe("sqlColumnNames", () => {
  it("lowercases to [a-z0-9_], keeps names unique and clear of the provenance columns", () => {
    expect(sqlColumnNames(["Customer ID", "customer_id", "Años", "", "2nd plan", "file_id", "Source-Line", "_dup_0", "x".repeat(80)])).toEqual([
      "customer_id", "customer_id_2", "anos", "column_4", "c_2nd_plan", "file_id_2", "source_line_2", "dup_0", "x".repeat(55),
    ]);
  });
});

describe("dataset slugs and keys", () => {
  it("makes url- and identifier-safe slugs of at most 40 characters, unique with a suffix", () => {
    expect(datasetSlugBase("Telco Customer Churn (2024)")).toBe("telco_customer_churn_2024");
    expect(datasetSlugBase("¡¡¡")).toBe("dataset");
    expect(datasetSlugBase("a".repeat(60))).toHaveLength(40);
    expect(uniqueSlug("telco", new Set(["telco", "telco_2"]))).toBe("telco_3");
    expect(uniqueSlug("a".repeat(40), new Set(["a".repeat(40)]))).toBe(`${"a".repeat(38)}_2`);
    // "tabular_" + 40 + "_v" + 6 digits stays within Postgres' 63-byte identifiers.
    expect(rawTableName("a".repeat(40), 999_999).split(".")[1].length).toBeLessThanOrEqual(63);
  });

  it("turns any uploaded file name into a valid artifact key segment ending in .csv", () => {
    expect(csvArtifactFileName("Données clients.CSV")).toBe("Donnees_clients.csv");
    expect(csvArtifactFileName("../../etc/passwd")).toBe("passwd.csv");
    expect(csvArtifactFileName("C:\\exports\\churn.csv")).toBe("churn.csv");
    expect(csvArtifactFileName("...")).toBe("data.csv");
  });
});

describe("parseDataDescriptions", () => {
  it("finds the name and description columns by header, case-insensitively, else uses the first two", () => {
    const byHeader = parseDataDescriptions(["Row", "Column", "Description"], [["1", "CustomerID", "The id"], ["2", "Churn", "Left or not"]]);
    expect(describeColumn(byHeader, "customerid")).toBe("The id");
    expect(describeColumn(byHeader, "churn")).toBe("Left or not");
    const positional = parseDataDescriptions(["Variable name", "What it is"], [["Monthly Charges", "Per month"]]);
    expect(describeColumn(positional, "monthly_charges")).toBe("Per month");
  });
});
