import { describe, expect, it } from "vitest";
import type { DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import { ELEARNING_FEATURES } from "./elearning-feature-sql.ts";
import { tabularFeatures } from "./tabular-feature-source.ts";
import { WALLET_PAYMENT_FEATURES, WALLET_SIDE_FEATURES, walletFeatures } from "./wallet-feature-sql.ts";

const column = (name: string, type: DatasetColumn["type"], role: DatasetColumn["role"]) => ({ name, column: name.toLowerCase(), type, role }) as DatasetColumn;

describe("feature lists", () => {
  it("lists every e-learning feature once: 4 attributes, 2 recencies, 10 daily, 3 × 10 rolling, the fail rate", () => {
    expect(ELEARNING_FEATURES).toHaveLength(4 + 2 + 10 + 30 + 1);
    expect(new Set(ELEARNING_FEATURES.map((f) => f.name)).size).toBe(ELEARNING_FEATURES.length);
    expect(ELEARNING_FEATURES.filter((f) => f.kind === "categorical").map((f) => f.name)).toEqual(["plan", "country", "marketing_source"]);
  });

  it("leaves the payment columns out of a wallet build without PAYMENTS", () => {
    expect(walletFeatures(false)).toEqual(WALLET_SIDE_FEATURES);
    expect(walletFeatures(true)).toEqual([...WALLET_PAYMENT_FEATURES, ...WALLET_SIDE_FEATURES]);
    // every side file has its indicator, so a buyer missing from one is told apart from a zero
    expect(WALLET_SIDE_FEATURES.filter((f) => f.name.startsWith("has_")).map((f) => f.name)).toEqual(["has_active_user", "has_dinero_cuenta", "has_demograficos", "has_marketplace_data"]);
  });

  it("takes a tabular dataset's feature-role columns with their confirmed types, except free text", () => {
    const columns = [
      column("customerID", "categorical", "id"), column("Churn", "boolean", "target"), column("tenure", "numeric", "feature"),
      column("Signup", "date", "feature"), column("Notes", "text", "feature"), column("City", "categorical", "ignore"), column("Partner", "boolean", "feature"),
    ];
    expect(tabularFeatures(columns)).toEqual([{ name: "tenure", kind: "numeric" }, { name: "signup", kind: "date" }, { name: "partner", kind: "boolean" }]);
  });
});
