import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { query } from "../db/sql.ts";
import { runLocally } from "../pipelines/local-executor.ts";
import { startRun } from "../pipelines/start-run.ts";
import { attachDescriptions, confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv } from "../sources/tabular/testing.ts";
import { findArtifact, putArtifact } from "../storage/artifact-records.ts";
import { generateElearning } from "../sources/elearning/generate-elearning.ts";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { getRunLineage } from "./run-lineage.ts";
import { digestTable } from "./table-checksum.ts";
import { digestSnapshot, isBlockSnapshot } from "./snapshot-blocks.ts";
import { applySnapshotRetention, pinSnapshot, snapshotOf, useSnapshot } from "./snapshot-tables.ts";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const USERS = "staging.elearning_users";
const EVENTS = "staging.elearning_events";

async function sampleRun(params: Record<string, number>): Promise<string> {
  const { runId } = await startRun("elearning-sample", params, "cli", "inline");
  expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
  return runId;
}

/** What run `runId` left of `table`, read back from its snapshot (rows or blocks), in small chunks (several pages). */
async function digest(runId: string, table: string) {
  const { pool } = await getDb();
  return digestSnapshot(pool, (await snapshotOf(runId, table)).relation, { chunkRows: 1_000 });
}

/** A row table's digest (tabular and wallet snapshots and staging tables keep rows). */
const digestTables = async (table: string) => digestTable((await getDb()).pool, table, { chunkRows: 1_000 });

const tableExists = async (qualified: string) => (await query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [qualified]))[0]!.t !== null;

describe("run lineage and snapshots (elearning-sample, two runs on one day)", () => {
  let first: string;
  let second: string;
  let firstDigest: { users: Awaited<ReturnType<typeof digest>>; events: Awaited<ReturnType<typeof digest>> };

  it("keeps each run's files under its own key, and every recorded sha256 still matches the bytes", async () => {
    const params = { users: 120, days: 40, seed: 3 };
    first = await sampleRun(params);
    firstDigest = { users: await digest(first, USERS), events: await digest(first, EVENTS) };
    // The generator's rows are all valid: the snapshots hold every generated row (staging.* is emptied after the load).
    const stats = generateElearning(elearningSampleParams.parse(params)).stats;
    expect([firstDigest.users.rowCount, firstDigest.events.rowCount]).toEqual([stats.users, stats.events]);
    second = await sampleRun({ users: 80, days: 35, seed: 4 });
    const files = await query<{ run_id: string; artifact_key: string; sha256: string }>(
      "SELECT run_id, artifact_key, sha256 FROM ops.ingested_files WHERE run_id = ANY($1::uuid[]) ORDER BY artifact_key", [[first, second]]);
    expect(files).toHaveLength(4);
    expect(new Set(files.map((f) => f.artifact_key)).size).toBe(4);
    for (const f of files) {
      expect(f.artifact_key).toMatch(new RegExp(`^datasets/elearning/${f.run_id}/(users|events)\\.csv$`));
      const bytes = await getArtifactStore().getBuffer(f.artifact_key);
      expect(sha256(bytes)).toBe(f.sha256);
      expect((await findArtifact(f.artifact_key))?.sha256).toBe(f.sha256);
    }
  });

  it("lists the run's two CSVs as inputs (with hashes) and its files and staging tables as outputs (rows + checksums)", async () => {
    const lineage = await getRunLineage(first);
    const files = await query<{ artifact_key: string; sha256: string; rows: number; table_name: string }>(
      "SELECT artifact_key, sha256, rows, table_name FROM ops.ingested_files WHERE run_id = $1 ORDER BY artifact_key", [first]);
    expect(lineage.inputs).toEqual(files.map((f) => expect.objectContaining({
      kind: "artifact", name: f.artifact_key, sha256: f.sha256, rowCount: f.rows, loadedInto: f.table_name, producedByRunId: first,
    })));
    expect(lineage.outputs.filter((o) => o.kind === "artifact").map((o) => [o.name, o.sha256])).toEqual(files.map((f) => [f.artifact_key, f.sha256]));
    const tables = lineage.outputs.filter((o) => o.kind === "table");
    expect(tables.map((t) => [t.name, t.rowCount, t.checksum])).toEqual([
      [EVENTS, firstDigest.events.rowCount, firstDigest.events.checksum],
      [USERS, firstDigest.users.rowCount, firstDigest.users.checksum],
    ]);
    expect(firstDigest.users.rowCount).toBeGreaterThan(0);
    expect(tables.every((t) => t.snapshotTable?.startsWith("snapshots.") && !t.pinned)).toBe(true);
  });

  it("returns exactly the first run's staging rows from its snapshot after a newer load", async () => {
    const current = await digest(second, USERS);
    expect(current.checksum).not.toBe(firstDigest.users.checksum); // the second load really brought other rows
    for (const [table, expected] of [[USERS, firstDigest.users], [EVENTS, firstDigest.events]] as const) {
      const snap = await snapshotOf(first, table);
      expect(snap).toMatchObject({ rowCount: expected.rowCount, checksum: expected.checksum }); // as recorded from the staging rows
      expect(await digest(first, table)).toEqual(expected); // read back after the newer load: rows or blocks
    }
    // The embedded engine keeps the events snapshot as compressed blocks (decision 017), real Postgres as rows.
    const { engine, pool } = await getDb();
    expect(await isBlockSnapshot(pool, (await snapshotOf(first, EVENTS)).relation)).toBe(engine === "embedded");
    expect(await isBlockSnapshot(pool, (await snapshotOf(first, USERS)).relation)).toBe(false);
    await expect(snapshotOf(first, "staging.wallet_buyers")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the newest N snapshots per table plus pinned ones and ones another run used", async () => {
    // Other test files' runs may have left snapshots too: assertions name this file's runs only.
    const users = await snapshotOf(first, USERS);
    await pinSnapshot(first, USERS);
    expect(await applySnapshotRetention(USERS, 1)).not.toContain(users.relation);
    expect((await snapshotOf(first, USERS)).pinned).toBe(true);

    const events = await snapshotOf(first, EVENTS);
    await useSnapshot(second, first, EVENTS); // as training will: the consumer's lineage names the snapshot
    expect(await applySnapshotRetention(EVENTS, 1)).not.toContain(events.relation);
    expect((await getRunLineage(second)).inputs).toContainEqual(expect.objectContaining({ kind: "table", name: events.relation, producedByRunId: first, checksum: events.checksum }));

    await query("DELETE FROM ops.run_lineage WHERE run_id = $1 AND direction = 'input' AND kind = 'table'", [second]);
    await pinSnapshot(first, USERS, false);
    expect(await applySnapshotRetention(USERS, 1)).toEqual([users.relation]);
    expect(await applySnapshotRetention(EVENTS, 1)).toEqual([events.relation]);
    expect(await tableExists(events.relation)).toBe(false);
    await expect(snapshotOf(first, EVENTS)).rejects.toThrow(/dropped by retention/);
    // The newest is kept, and the dropped run's lineage still tells what it produced.
    expect((await snapshotOf(second, EVENTS)).rowCount).toBeGreaterThan(0);
    expect((await getRunLineage(first)).outputs.find((o) => o.name === EVENTS)).toMatchObject({ snapshotTable: null, rowCount: firstDigest.events.rowCount });
  });
});

describe("putArtifact (record layer)", () => {
  it("refuses different bytes under a recorded key even when the object is gone, and accepts the same bytes", async () => {
    const key = "datasets/test/lineage/refuse.csv";
    const first = await putArtifact(key, "a,b\n1,2\n", { kind: "dataset", contentType: "text/csv" });
    expect(await putArtifact(key, "a,b\n1,2\n", { kind: "dataset", contentType: "text/csv" })).toEqual(first);
    await expect(putArtifact(key, "a,b\n9,9\n", { kind: "dataset", contentType: "text/csv" })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    await getArtifactStore().delete(key); // lost behind the record's back
    await expect(putArtifact(key, "a,b\n9,9\n", { kind: "dataset", contentType: "text/csv" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getArtifactStore().head(key)).toBeNull(); // the refused bytes were not left under the key
    expect((await findArtifact(key))?.sha256).toBe(first.sha256);
  });
});

describe("write-once keys in the tabular upload flow", () => {
  it("replaces a draft's descriptions file of the same name (read by no run yet) instead of answering CONFLICT", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(12), { name: "Redescribed", fileName: "r.csv", descriptions: { fileName: "fields.csv", body: "Field,Description\nCity,old\n" } });
    const again = await attachDescriptions(version.id, { fileName: "fields.csv", body: "Field,Description\nCity,new text\n" });
    expect(again.descriptionsKey).toBe(version.descriptionsKey);
    expect(again.columns.find((c) => c.name === "City")?.description).toBe("new text");
    expect((await getArtifactStore().getBuffer(again.descriptionsKey!)).toString()).toContain("new text");
  });
});

describe("snapshots of the other sources", () => {
  it("snapshots a tabular dataset's staging table as the load run's output", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(130), { name: "Lineage tabular", fileName: "lt.csv" });
    await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
    const { runId } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
    const table = "staging.tabular_lineage_tabular_v1";
    const snap = await snapshotOf(runId, table);
    expect(snap.rowCount).toBe(130);
    expect(await digestTables(snap.relation)).toEqual(await digestTables(table));
    expect((await getRunLineage(runId)).inputs).toEqual([expect.objectContaining({ kind: "artifact", name: version.artifactKey, sha256: version.sha256 })]);
  });

  it("snapshots both wallet staging tables as the wallet-sample run's outputs", async () => {
    const { runId } = await startRun("wallet-sample", { buyers: 300 }, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });
    for (const table of ["staging.wallet_buyers", "staging.wallet_payments"]) {
      const snap = await snapshotOf(runId, table);
      expect(await digestTables(snap.relation)).toEqual(await digestTables(table)); // the wallet keeps its staging rows
    }
    expect((await snapshotOf(runId, "staging.wallet_buyers")).rowCount).toBe(300);
  });
});
