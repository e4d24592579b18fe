import { describe, expect, it } from "vitest";
import { compareDatasets, DATASET_KEY, datasetLabel, pipelineCommand } from "./dataset-label.ts";

describe("datasetLabel", () => {
  it("names the fixed sources and uploaded tables", () => {
    expect(datasetLabel("elearning")).toBe("E-learning");
    expect(datasetLabel("wallet")).toBe("Marketplace wallet");
    expect(datasetLabel("table:telco")).toBe("Table telco");
    expect(datasetLabel("other")).toBe("other");
  });
});

describe("compareDatasets", () => {
  it("puts e-learning, then wallet, then tables by slug", () => {
    expect(["table:b", "wallet", "table:a", "elearning"].sort(compareDatasets)).toEqual(["elearning", "wallet", "table:a", "table:b"]);
  });
});

describe("pipelineCommand", () => {
  it("names the per-dataset pipeline, with the slug as a param for tables", () => {
    expect(pipelineCommand("drift", "elearning")).toBe("churnops run drift-elearning");
    expect(pipelineCommand("score", "wallet")).toBe("churnops run score-wallet");
    expect(pipelineCommand("drift", "table:telco")).toBe("churnops run drift-table --param dataset=telco");
    expect(pipelineCommand("train", "table:telco")).toBe("churnops run train-table --param dataset=telco");
    expect(pipelineCommand("psi-check", "elearning")).toBe("churnops run psi-check-elearning");
    expect(pipelineCommand("psi-check", "table:telco")).toBe("churnops run psi-check-table --param dataset=telco");
  });
});

describe("DATASET_KEY", () => {
  it("accepts the dataset keys scoring writes and refuses anything else", () => {
    for (const ok of ["elearning", "wallet", "table:telco", "table:a_b-1"]) expect(DATASET_KEY.test(ok), ok).toBe(true);
    for (const bad of ["", "table:", "table:Telco", "Wallet", "table:x y", "elearning;drop"]) expect(DATASET_KEY.test(bad), bad).toBe(false);
  });
});
