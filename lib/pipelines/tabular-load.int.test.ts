import { describe, expect, it } from "vitest";
import { schemaChecksums, tableChecksum } from "../../tests/helpers/table-checksum.ts";
import { query } from "../db/sql.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { getDatasetVersion } from "../sources/tabular/dataset-queries.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv, churnRow } from "../sources/tabular/testing.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail } from "./run-queries.ts";


async function uploadConfirmLoad(body: string | Buffer, name: string, opts: { encoding?: string; columns?: { name: string; type?: "numeric" | "categorical" | "text" | "date" | "boolean"; role?: "ignore" | "feature" }[] } = {}) {
  const { version } = await createDatasetVersionFromUpload(body, { name, fileName: `${name}.csv`, encoding: opts.encoding });
  await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn", columns: opts.columns });
  const { runId } = await startTabularLoad(version.id, "cli", "inline");
  const outcome = await runLocally(runId);
  return { versionId: version.id, runId, outcome, run: (await getRunDetail(runId))!, version: (await getDatasetVersion(version.id))! };
}

const count = async (table: string) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe("tabular-load pipeline", () => {
  it("uploads, confirms and loads: staging holds the valid rows, typed, and the bad ones are rejected with reasons", async () => {
    // 200 good rows, a duplicate id (rejected: later duplicates go) and a non-number in a numeric column.
    const text = churnCsv(200, { extra: [churnRow(5), churnRow(201, { MonthlyCharges: "abc" })] });
    const { outcome, run, version } = await uploadConfirmLoad(text, "Telco load", { columns: [{ name: "MonthlyCharges", type: "numeric" }] });
    expect(outcome.status).toBe("succeeded");
    expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([["load-raw-table", "succeeded"], ["validate-raw", "succeeded"], ["build-staging", "succeeded"]]);
    expect(version).toMatchObject({ status: "loaded", rows: 202, runId: run.id });
    expect(await count(`raw."tabular_telco_load_v1"`)).toBe(202);
    expect(await count(`staging."tabular_telco_load_v1"`)).toBe(200);
    expect(run.steps[2].output).toMatchObject({ table: "staging.tabular_telco_load_v1", rows: 200, rejectedRows: 2 });

    const reasons = await query<{ reason_code: string; source_line: number }>("SELECT reason_code, source_line FROM dqm.rejects WHERE run_id = $1 ORDER BY source_line", [run.id]);
    expect(reasons).toEqual([{ reason_code: "ID_DUPLICATE", source_line: 202 }, { reason_code: "MONTHLYCHARGES_NOT_NUMERIC", source_line: 203 }]);

    const types = await query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'staging' AND table_name = 'tabular_telco_load_v1' ORDER BY ordinal_position");
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.data_type]))).toEqual({
      customerid: "text", gender: "text", seniorcitizen: "double precision", partner: "boolean", tenure: "double precision", contract: "text",
      monthlycharges: "double precision", signupdate: "date", city: "text", churn: "smallint", file_id: "uuid", source_line: "integer",
    });
    const [row] = await query<{ customerid: string; partner: boolean; churn: number; signupdate: string; monthlycharges: number; city: string }>(
      `SELECT customerid, partner, churn, to_char(signupdate, 'YYYY-MM-DD') AS signupdate, monthlycharges, city FROM staging."tabular_telco_load_v1" WHERE customerid = 'C10004'`);
    expect(row).toEqual({ customerid: "C10004", partner: true, churn: 1, signupdate: "2023-05-05", monthlycharges: 49.2, city: "São Paulo" });
    const [{ churned }] = await query<{ churned: string }>(`SELECT sum(churn) AS churned FROM staging."tabular_telco_load_v1"`);
    expect(Number(churned)).toBe(50);
    const files = await query<{ source: string; rows: number }>("SELECT source, rows FROM ops.ingested_files WHERE run_id = $1", [run.id]);
    expect(files).toEqual([{ source: "tabular:telco_load", rows: 202 }]);
  });

  it("replaces rather than duplicates when a version is loaded again, and refuses to change a loaded version", async () => {
    const { versionId } = await uploadConfirmLoad(churnCsv(30), "Reload me");
    const tables = ["raw.tabular_reload_me_v1", "staging.tabular_reload_me_v1"];
    const contents = async () => Promise.all(tables.map((t) => tableChecksum(t, { exclude: ["file_id"] })));
    const first = await contents();
    const again = await startTabularLoad(versionId, "cli", "inline");
    expect((await runLocally(again.runId)).status).toBe("succeeded");
    expect(await count(`raw."tabular_reload_me_v1"`)).toBe(30);
    expect(await count(`staging."tabular_reload_me_v1"`)).toBe(30);
    // The reload equals the first load row for row (file ids aside), not only in its counts.
    expect(await contents()).toEqual(first);
    await expect(confirmDatasetVersion(versionId, { idColumn: "customerID", targetColumn: "Churn" })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
  });

  it("loads a Latin-1 file completely with its accents (auto-detected, and named explicitly)", async () => {
    const latin = Buffer.from(churnCsv(40), "latin1");
    expect(latin.includes(Buffer.from("São", "utf8"))).toBe(false); // really not UTF-8
    for (const [encoding, name] of [["auto", "Latin auto"], ["latin1", "Latin named"]] as const) {
      const { outcome, version } = await uploadConfirmLoad(latin, name, { encoding });
      expect(outcome.status).toBe("succeeded");
      expect(version.encoding).toBe(encoding === "auto" ? "windows-1252" : "latin1");
      const table = `staging."tabular_${version.slug}_v1"`;
      expect(await count(table)).toBe(40);
      const cities = await query<{ city: string }>(`SELECT DISTINCT city FROM ${table} ORDER BY city`);
      expect(cities.map((c) => c.city)).toEqual(["Logroño", "Málaga", "São Paulo", "Zürich"]);
      expect(version.columns.find((c) => c.name === "City")?.categories).toEqual(expect.arrayContaining(["Logroño", "São Paulo"]));
    }
  });

  it("loads a UTF-8 file with a BOM and CRLF line ends completely, without stray characters", async () => {
    const text = "\uFEFF" + churnCsv(25, { newline: "\r\n", extra: [churnRow(26, { City: "Niño\r\nQuoted" })] });
    const { outcome, version } = await uploadConfirmLoad(Buffer.from(text, "utf8"), "Bom crlf");
    expect(outcome.status).toBe("succeeded");
    expect(version.columns[0].name).toBe("customerID");
    expect(version.columns.find((c) => c.name === "Churn")?.target).toMatchObject({ positive: "Yes", negative: "No" });
    expect(await count(`staging."tabular_bom_crlf_v1"`)).toBe(26);
    const rows = await query<{ churn: number; city: string | null }>(`SELECT churn, city FROM staging."tabular_bom_crlf_v1" WHERE customerid IN ('C10004', 'C10026') ORDER BY customerid`);
    expect(rows).toEqual([{ churn: 1, city: "São Paulo" }, { churn: 0, city: "Niño\r\nQuoted" }]);
  });

  it("keeps a row with a category not seen at upload and reports it as a warning", async () => {
    // Types are inferred from the first 5,000 rows; row 5,050 has a city the sample never saw.
    const text = churnCsv(5_100).split("\n");
    text[5_050] = churnRow(5_050, { City: "Nueva Ciudad" }).join(",");
    const { outcome, run } = await uploadConfirmLoad(text.join("\n"), "New category");
    expect(outcome.status).toBe("succeeded");
    expect(await count(`staging."tabular_new_category_v1"`)).toBe(5_100);
    const [kept] = await query<{ city: string }>(`SELECT city FROM staging."tabular_new_category_v1" WHERE customerid = 'C15050'`);
    expect(kept.city).toBe("Nueva Ciudad");
    expect(run.steps[1].output).toMatchObject({ suites: [{ status: "warned", rejectedRows: 0, warned: [expect.stringMatching(/^CITY_NEW_CATEGORY/)] }] });
    expect(run.steps[2].output).toMatchObject({ rows: 5_100, rejectedRows: 0, warned: [expect.stringMatching(/CITY_NEW_CATEGORY/)] });
  });

  it("reads categories padded with a tab or CR as the category: no new-category warning", async () => {
    // Rows past the 5,000-row sample: quoted so the CR is inside the field, as a spreadsheet writes it.
    const text = churnCsv(5_100).split("\n");
    text[5_040] = churnRow(5_040, { City: "Zürich" }).join(",").replace("Zürich", '"Zürich\t"');
    text[5_041] = churnRow(5_041, { City: "Málaga" }).join(",").replace("Málaga", '"\rMálaga \f"');
    const { outcome, run } = await uploadConfirmLoad(text.join("\n"), "Padded categories");
    expect(outcome.status).toBe("succeeded");
    expect(run.steps[1].output).toMatchObject({ suites: [{ status: "passed", rejectedRows: 0, warned: [] }] });
    const cities = await query<{ city: string }>(`SELECT DISTINCT city FROM staging."tabular_padded_categories_v1" ORDER BY city`);
    expect(cities.map((c) => c.city)).toEqual(["Logroño", "Málaga", "São Paulo", "Zürich"]);
  });

  it("stops at the data gate when the target has a third value, and marks the version failed", async () => {
    const lines = churnCsv(5_020).split("\n");
    lines[5_010] = churnRow(5_010, { Churn: "Maybe" }).join(",");
    const { outcome, run, version } = await uploadConfirmLoad(lines.join("\n"), "Bad target");
    expect(outcome).toMatchObject({ status: "failed", failureKind: "data_gate" });
    expect(run.errorMessage).toMatch(/TARGET_NOT_BINARY/);
    // The gate runs on the staged rows inside the load step, before the swap.
    expect(run.steps.map((s) => s.status)).toEqual(["failed", "skipped", "skipped"]);
    expect(version.status).toBe("failed");
    // Staging was never built for it.
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'staging' AND table_name = 'tabular_bad_target_v1'")).toEqual([]);
  });

  it("refuses to load a stored file that changed since its upload (versions are immutable), leaving raw.* unchanged", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(20), { fileName: "tampered.csv" });
    await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
    await getArtifactStore().delete(version.artifactKey); // keys are write-once: tampering means replacing the object behind our back
    await getArtifactStore().put(version.artifactKey, churnCsv(21));
    const before = await schemaChecksums("raw");
    const { runId } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/tampered\.csv.* changed since it was stored/) });
    // Refused before the swap: the raw table holds no row of the changed file.
    expect(await count(`raw."tabular_tampered_v1"`)).toBe(0);
    expect((await getDatasetVersion(version.id))?.status).toBe("failed");
    // Only the empty table for the version may appear; no row of the changed file reached raw.*.
    const table = `raw.tabular_${version.slug}_v1`;
    const { [table]: created, ...after } = await schemaChecksums("raw");
    expect(after).toEqual(before);
    expect(created ?? "0 rows").toMatch(/^0 rows/);
  });

  it("keeps the loaded rows when a loaded version's stored file changes and it is loaded again", async () => {
    const { versionId, outcome } = await uploadConfirmLoad(churnCsv(20), "Tampered later");
    expect(outcome.status).toBe("succeeded");
    const version = (await getDatasetVersion(versionId))!;
    // Same row count, one field different: only a content checksum tells the two apart.
    await getArtifactStore().delete(version.artifactKey); // keys are write-once: tampering means replacing the object behind our back
    await getArtifactStore().put(version.artifactKey, churnCsv(19, { extra: [churnRow(20, { City: "Elsewhere" })] }));
    const before = await schemaChecksums("raw");
    expect(before[`raw.tabular_${version.slug}_v1`]).toMatch(/^20 rows/);
    const again = await startTabularLoad(versionId, "cli", "inline");
    expect(await runLocally(again.runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/changed since it was stored/) });
    // Content, not only counts: every raw table holds exactly the rows it held before the refused load.
    expect(await schemaChecksums("raw")).toEqual(before);
    expect((await getDatasetVersion(versionId))?.status).toBe("loaded");
  });

  it("refuses to load a draft", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(12), { fileName: "draft-only.csv" });
    const { runId } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/not confirmed yet/) });
    expect((await getDatasetVersion(version.id))?.status).toBe("draft");
  });
});
