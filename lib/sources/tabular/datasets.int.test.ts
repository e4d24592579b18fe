import { Readable } from "node:stream";
import { resetEnvCache } from "../../env.ts";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import { attachDescriptions, confirmDatasetVersion, createDatasetVersionFromUpload } from "./datasets.ts";
import { getDatasetVersion, listDatasets } from "./dataset-queries.ts";
import { churnCsv, churnRow } from "./testing.ts";

/** A body produced lazily, 64 KiB at a time (never held whole). */
function lazyBody(bytes: number): Readable {
  const header = Buffer.from("id,churn\n");
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) {
        sent += header.length;
        this.push(header);
      } else if (sent < bytes) {
        const line = Buffer.from("1,0\n".repeat(16 * 1024));
        sent += line.length;
        this.push(line);
      } else this.push(null);
    },
  });
}

async function countRows() {
  const { prisma } = await getDb();
  return { datasets: await prisma.dataset.count(), versions: await prisma.datasetVersion.count(), artifacts: await prisma.artifact.count() };
}

afterEach(() => {
  delete process.env.CHURNOPS_MAX_UPLOAD_MB;
  resetEnvCache();
});

describe("createDatasetVersionFromUpload", () => {
  it("stores the file under datasets/tabular/<slug>/v<n>/, hashes it and infers a draft", async () => {
    const text = churnCsv(30);
    const { version, sample } = await createDatasetVersionFromUpload(text, { name: "Telco Customers", fileName: "WA_Fn-UseC_-Telco.csv" });
    expect(version).toMatchObject({
      datasetName: "Telco Customers", slug: "telco_customers", version: 1, status: "draft", origin: "upload", encoding: "utf-8",
      artifactKey: "datasets/tabular/telco_customers/v1/WA_Fn-UseC_-Telco.csv", bytes: Buffer.byteLength(text), rows: 30,
      idColumn: "customerID", targetColumn: "Churn", rawTable: "raw.tabular_telco_customers_v1",
    });
    expect(sample).toEqual({ rows: 30, complete: true });
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await getArtifactStore().getBuffer(version.artifactKey)).toString()).toBe(text);
    expect(Object.fromEntries(version.columns.map((c) => [c.name, [c.column, c.type, c.role]]))).toEqual({
      customerID: ["customerid", "text", "id"], Gender: ["gender", "categorical", "feature"], SeniorCitizen: ["seniorcitizen", "numeric", "feature"],
      Partner: ["partner", "boolean", "feature"], tenure: ["tenure", "numeric", "feature"], Contract: ["contract", "categorical", "feature"],
      MonthlyCharges: ["monthlycharges", "numeric", "feature"], SignupDate: ["signupdate", "date", "feature"], City: ["city", "categorical", "feature"],
      Churn: ["churn", "boolean", "target"],
    });
  });

  it("makes version N+1 for the same name (case-insensitive) and a unique slug for a different name", async () => {
    const first = await createDatasetVersionFromUpload(churnCsv(12), { name: "Bank churn", fileName: "a.csv" });
    const second = await createDatasetVersionFromUpload(churnCsv(13), { name: "bank CHURN", fileName: "b.csv", origin: "cli" });
    const other = await createDatasetVersionFromUpload(churnCsv(12), { name: "Bank-Churn", fileName: "c.csv" });
    expect([first.version.version, second.version.version]).toEqual([1, 2]);
    expect(second.version).toMatchObject({ datasetId: first.version.datasetId, origin: "cli", artifactKey: "datasets/tabular/bank_churn/v2/b.csv" });
    expect(other.version).toMatchObject({ slug: "bank_churn_2", version: 1 });
    const listed = (await listDatasets()).find((d) => d.id === first.version.datasetId);
    expect(listed?.versions.map((v) => [v.version, v.status, v.columnCount])).toEqual([[2, "draft", 10], [1, "draft", 10]]);
  });

  it("names the dataset after the file when no name is given", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(12), { fileName: "customer_churn_2024.csv" });
    expect(version).toMatchObject({ datasetName: "customer_churn_2024", slug: "customer_churn_2024" });
  });

  it("rejects an upload over CHURNOPS_MAX_UPLOAD_MB with a 413 while streaming, leaving no object, version or dataset", async () => {
    process.env.CHURNOPS_MAX_UPLOAD_MB = "1";
    resetEnvCache();
    const before = await countRows();
    const body = lazyBody(8 * 1024 * 1024);
    const error = await createDatasetVersionFromUpload(body, { name: "Too big", fileName: "big.csv" }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_LARGE", status: 413, userMessage: expect.stringMatching(/larger than the upload limit of 1 MB \(CHURNOPS_MAX_UPLOAD_MB\)/) });
    expect(body.readableEnded).toBe(false); // stopped early, not read to the end
    expect(await countRows()).toEqual(before);
    expect(await getArtifactStore().list("datasets/tabular/too_big/")).toEqual([]);
  });

  it("rejects a malformed CSV with file and line, leaving nothing behind", async () => {
    const before = await countRows();
    const text = churnCsv(5) + "C99,short,row\n";
    await expect(createDatasetVersionFromUpload(text, { name: "Ragged", fileName: "ragged.csv" })).rejects.toMatchObject({
      status: 400, userMessage: "ragged.csv line 7: has 3 field(s), expected 10 (one per header column).",
    });
    await expect(createDatasetVersionFromUpload("a;b;c\n1;2;3\n", { name: "Semicolons", fileName: "semi.csv" })).rejects.toThrow(/looks ";"-delimited/);
    await expect(createDatasetVersionFromUpload("id,x,x\n1,2,3\n", { name: "Dupes", fileName: "dupes.csv" })).rejects.toThrow(/column "x" appears twice/);
    await expect(createDatasetVersionFromUpload("", { name: "Empty", fileName: "empty.csv" })).rejects.toThrow(/the file is empty/);
    expect(await countRows()).toEqual(before);
    expect(await getArtifactStore().list("datasets/tabular/ragged/")).toEqual([]);
  });

  it("refuses a file declared UTF-8 that is not", async () => {
    const latin = Buffer.from(churnCsv(12), "latin1");
    await expect(createDatasetVersionFromUpload(latin, { name: "Wrong encoding", fileName: "w.csv", encoding: "utf-8" })).rejects.toThrow(/is not valid UTF-8.*Windows-1252/);
    await expect(createDatasetVersionFromUpload(latin, { name: "Wrong encoding", fileName: "w.csv", encoding: "ebcdic" })).rejects.toThrow(/Unknown encoding "ebcdic"/);
  });

  it("attaches a data-descriptions CSV (Field,Description) at upload or later", async () => {
    const descriptions = "Field,Description\ncustomerID,Customer identifier\nchurn,Whether the customer left\nTENURE,Months as a customer\n";
    const { version } = await createDatasetVersionFromUpload(churnCsv(12), { name: "Described", fileName: "d.csv", descriptions: { fileName: "dictionary.csv", body: descriptions } });
    const described = Object.fromEntries(version.columns.map((c) => [c.name, c.description]));
    expect(described).toMatchObject({ customerID: "Customer identifier", Churn: "Whether the customer left", tenure: "Months as a customer", Gender: undefined });
    expect(version.descriptionsKey).toBe("datasets/tabular/described/v1/descriptions/dictionary.csv");

    const again = await attachDescriptions(version.id, { fileName: "cols.csv", body: "Column,Meaning\nCity,Ciudad del cliente\n" });
    expect(again.descriptionsKey).toBe("datasets/tabular/described/v1/descriptions/cols.csv");
    expect(again.columns.find((c) => c.name === "City")?.description).toBe("Ciudad del cliente");
    expect(await getArtifactStore().head("datasets/tabular/described/v1/descriptions/dictionary.csv")).toBeNull(); // replaced
  });
});

describe("confirmDatasetVersion", () => {
  it("confirms id, target (with the churn value) and type changes", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(40), { name: "Confirm me", fileName: "c.csv" });
    const confirmed = await confirmDatasetVersion(version.id, {
      idColumn: "customerID", targetColumn: "Churn", positiveValue: "yes",
      columns: [{ name: "SeniorCitizen", type: "categorical" }, { name: "Gender", role: "ignore" }, { name: "signupdate", type: "text" }],
    });
    expect(confirmed.status).toBe("confirmed");
    expect(confirmed.confirmedAt).not.toBeNull();
    const byName = Object.fromEntries(confirmed.columns.map((c) => [c.name, c]));
    expect(byName.Churn).toMatchObject({ role: "target", target: { positive: "Yes", negative: "No", guessed: false } });
    expect(byName.SeniorCitizen).toMatchObject({ type: "categorical", inferredType: "numeric", role: "feature" });
    expect(byName.Gender.role).toBe("ignore");
    expect(byName.SignupDate.type).toBe("text");
    const { prisma } = await getDb();
    expect(await prisma.dataset.findUnique({ where: { id: version.datasetId }, select: { idColumn: true, targetColumn: true } })).toEqual({ idColumn: "customerID", targetColumn: "Churn" });
  });

  it("rejects a target that is not binary, unknown columns and types the values do not support", async () => {
    const text = churnCsv(30, { extra: [churnRow(31, { Churn: "Maybe" })] });
    const { version } = await createDatasetVersionFromUpload(text, { name: "Three labels", fileName: "t.csv" });
    await expect(confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" })).rejects.toMatchObject({
      status: 400, userMessage: expect.stringMatching(/target column "Churn" must be binary.*3 distinct value\(s\) \("No", "Yes", "Maybe"\)/),
    });
    await expect(confirmDatasetVersion(version.id, { idColumn: "nope", targetColumn: "Partner" })).rejects.toThrow(/no column "nope"/);
    await expect(confirmDatasetVersion(version.id, { idColumn: "Partner", targetColumn: "Partner" })).rejects.toThrow(/must be different columns/);
    await expect(confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Partner", columns: [{ name: "City", type: "date" }] })).rejects.toThrow(/"City" cannot be a date/);
    await expect(confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Partner", columns: [{ name: "Contract", type: "numeric" }] })).rejects.toThrow(/"Contract" cannot be numeric/);
    await expect(confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Partner", positiveValue: "maybe" })).rejects.toThrow(/"maybe" is not a value/);
    expect((await getDatasetVersion(version.id))?.status).toBe("draft");
    await expect(confirmDatasetVersion("00000000-0000-0000-0000-000000000000", { idColumn: "a", targetColumn: "b" })).rejects.toMatchObject({ status: 404 });
  });
});
