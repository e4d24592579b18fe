import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../../db/sql.ts";
import { ingestTable, ingestTableCommand, parseTypesFlag } from "./ingest-table-cli.ts";
import { churnCsv, churnRow } from "./testing.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-ingest-table-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe("ingestTable (churnops ingest table)", () => {
  it("prints the inferred types, confirms with the given id/target/types and loads inline (exit 0)", async () => {
    const file = write("cli_customers.csv", Buffer.from(churnCsv(50), "latin1"));
    const descriptions = write("fields.csv", "Field,Description\ntenure,Months with us\n");
    const lines: string[] = [];
    const result = await ingestTable({ file, target: "Churn", id: "customerID", descriptions, types: "tenure=categorical,Gender=ignore", encoding: "auto" }, (l) => lines.push(...l.split("\n")));
    expect(result.exitCode).toBe(0);
    expect(result.run?.status).toBe("succeeded");
    expect(lines[0]).toBe("cli_customers v1: 10 columns, encoding windows-1252, types inferred from all 50 rows");
    expect(lines[1]).toMatch(/^column\s+type\s+role\s+nulls\s+examples$/);
    expect(lines.find((l) => l.startsWith("customerID"))).toMatch(/^customerID\s+text\s+id\?\s+0\.0%\s+C10001, C10002, C10003$/);
    expect(lines.find((l) => l.startsWith("City"))).toMatch(/categorical\s+0\.0%\s+Málaga, Logroño, Zürich/);
    expect(lines).toContain('target Churn: "Yes" = 1 (churn), "No" = 0');
    expect(lines.find((l) => l.startsWith("run "))).toMatch(/\(tabular-load\) succeeded/);
    expect(result.version).toMatchObject({ origin: "cli", status: "confirmed" });
    expect(result.version.columns.find((c) => c.name === "tenure")).toMatchObject({ type: "categorical", description: "Months with us" });
    const cols = await query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'staging' AND table_name = 'tabular_cli_customers_v1'");
    expect(cols.map((c) => c.column_name)).not.toContain("gender");
  });

  it("exits 2 when the data gate stops the load", async () => {
    const lines = churnCsv(5_010).split("\n");
    lines[5_005] = churnRow(5_005, { Churn: "unknown" }).join(",");
    const file = write("cli_gate.csv", lines.join("\n"));
    const result = await ingestTable({ file, target: "Churn", id: "customerID", json: true }, () => {});
    expect(result.exitCode).toBe(2);
    expect(result.run).toMatchObject({ status: "failed", failureKind: "data_gate" });
  });

  it("refuses a target that is not binary before loading, and bad flags", async () => {
    const file = write("cli_bad_target.csv", churnCsv(20));
    await expect(ingestTable({ file, target: "Contract", id: "customerID" }, () => {})).rejects.toThrow(/target column "Contract" must be binary/);
    await expect(ingestTableCommand({ file, target: "Churn" })).rejects.toThrow(/usage: churnops ingest table/);
    await expect(ingestTable({ file: path.join(dir, "nope.csv"), target: "Churn", id: "customerID" }, () => {})).rejects.toThrow(/--file: file not found/);
    expect(() => parseTypesFlag("tenure=number")).toThrow(/"number" is not a column type/);
    expect(parseTypesFlag(" a=numeric , b = IGNORE")).toEqual([{ name: "a", type: "numeric" }, { name: "b", role: "ignore" }]);
  });
});
