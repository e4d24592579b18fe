import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../../env.ts";
import { runLocally } from "../../pipelines/local-executor.ts";
import { GET as listRoute } from "../../../app/api/datasets/route.ts";
import { POST as uploadRoute } from "../../../app/api/datasets/uploads/route.ts";
import { GET as versionRoute } from "../../../app/api/datasets/versions/[id]/route.ts";
import { POST as confirmRoute } from "../../../app/api/datasets/versions/[id]/confirm/route.ts";
import { PUT as descriptionsRoute } from "../../../app/api/datasets/versions/[id]/descriptions/route.ts";
import type { DatasetVersionView } from "./dataset-queries.ts";
import { churnCsv } from "./testing.ts";

// The route handlers called directly (no Next server): streamed bodies, status codes, response shapes. The
// confirm route starts its run in the background; the worker spawn is replaced so the test runs it here.
const spawned = vi.hoisted(() => [] as string[]);
vi.mock("../../pipelines/spawn-local-worker.ts", () => ({
  spawnLocalWorker: (runId: string) => {
    spawned.push(runId);
    return -1;
  },
}));

const BASE = "http://127.0.0.1/api/datasets";
const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** A request whose body is a stream, as a browser upload arrives (never a buffered string). */
function streamed(url: string, text: string | Uint8Array, init: RequestInit = {}): Request {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.subarray(i, i + 1000));
      controller.close();
    },
  });
  return new Request(url, { method: "POST", body, duplex: "half", ...init } as RequestInit);
}

afterEach(() => {
  delete process.env.CHURNOPS_ADMIN_TOKEN;
  delete process.env.CHURNOPS_MAX_UPLOAD_MB;
  resetEnvCache();
});

describe("dataset routes", () => {
  it("uploads a streamed file, attaches descriptions, confirms, and starts the load", async () => {
    const upload = await uploadRoute(streamed(`${BASE}/uploads?name=Route%20test&fileName=route.csv&encoding=auto`, churnCsv(60)));
    expect(upload.status).toBe(201);
    const { version, sample } = (await upload.json()) as { version: DatasetVersionView; sample: unknown };
    expect(sample).toEqual({ rows: 60, complete: true });
    expect(version).toMatchObject({ datasetName: "Route test", status: "draft", idColumn: "customerID", targetColumn: "Churn" });

    const described = await descriptionsRoute(streamed(`${BASE}/versions/${version.id}/descriptions?fileName=fields.csv`, "field,description\ntenure,Months\n", { method: "PUT" }), params(version.id));
    expect(described.status).toBe(200);
    expect(((await described.json()) as { version: DatasetVersionView }).version.columns.find((c) => c.name === "tenure")?.description).toBe("Months");

    const confirm = await confirmRoute(
      new Request(`${BASE}/versions/${version.id}/confirm`, { method: "POST", body: JSON.stringify({ idColumn: "customerID", targetColumn: "Churn", columns: [{ name: "City", type: "text" }] }) }),
      params(version.id),
    );
    expect(confirm.status).toBe(202);
    const started = (await confirm.json()) as { runId: string; executor: string; version: DatasetVersionView };
    expect(started).toMatchObject({ executor: "local", version: { status: "confirmed", runId: started.runId } });
    expect(spawned).toContain(started.runId);
    expect(await runLocally(started.runId)).toMatchObject({ status: "succeeded" });

    const detail = await versionRoute(new Request(`${BASE}/versions/${version.id}`), params(version.id));
    expect(((await detail.json()) as { version: DatasetVersionView }).version).toMatchObject({ status: "loaded", rows: 60 });
    const list = (await (await listRoute()).json()) as { datasets: { name: string; versions: { id: string; status: string }[] }[] };
    expect(list.datasets.find((d) => d.name === "Route test")?.versions).toEqual([expect.objectContaining({ id: version.id, status: "loaded" })]);
  });

  it("answers 413 for a declared or streamed body over the limit, with the limit in the message", async () => {
    process.env.CHURNOPS_MAX_UPLOAD_MB = "0.01"; // 10 KiB
    resetEnvCache();
    const big = churnCsv(400); // ~26 KB
    const declared = await uploadRoute(streamed(`${BASE}/uploads?fileName=big.csv`, big, { headers: { "content-length": String(Buffer.byteLength(big)) } }));
    expect(declared.status).toBe(413);
    const undeclared = await uploadRoute(streamed(`${BASE}/uploads?fileName=big.csv`, big));
    expect(undeclared.status).toBe(413);
    expect(await undeclared.json()).toEqual({ error: "TOO_LARGE", message: expect.stringMatching(/larger than the upload limit of 0\.01 MB \(CHURNOPS_MAX_UPLOAD_MB\)/) });
  });

  it("answers 400 with the fields for bad input, 404 for unknown versions, 401 without the admin token", async () => {
    const noName = await uploadRoute(streamed(`${BASE}/uploads`, churnCsv(12)));
    expect(noName.status).toBe(400);
    expect(await noName.json()).toMatchObject({ fields: { fileName: expect.any(String) } });
    const badCsv = await uploadRoute(streamed(`${BASE}/uploads?fileName=x.csv`, "a,b\n1\n"));
    expect(await badCsv.json()).toMatchObject({ error: "CSV_INVALID", message: "x.csv line 2: has 1 field(s), expected 2 (one per header column)." });
    const missing = "00000000-0000-0000-0000-000000000000";
    expect((await versionRoute(new Request(`${BASE}/versions/${missing}`), params(missing))).status).toBe(404);
    const badBody = await confirmRoute(new Request(`${BASE}/versions/${missing}/confirm`, { method: "POST", body: "{" }), params(missing));
    expect(badBody.status).toBe(400);

    process.env.CHURNOPS_ADMIN_TOKEN = "a-long-enough-admin-token";
    resetEnvCache();
    expect((await uploadRoute(streamed(`${BASE}/uploads?fileName=x.csv`, churnCsv(12)))).status).toBe(401);
    expect((await confirmRoute(new Request(`${BASE}/versions/${missing}/confirm`, { method: "POST", body: "{}" }), params(missing))).status).toBe(401);
    const authorized = await uploadRoute(streamed(`${BASE}/uploads?fileName=authorized.csv`, churnCsv(12), { headers: { authorization: "Bearer a-long-enough-admin-token" } }));
    expect(authorized.status).toBe(201);
  });

  it("refuses binary uploads with a 400 naming why: a NUL byte, a PNG, gzip", async () => {
    const csv = new TextEncoder().encode(churnCsv(3000));
    const withNul = Buffer.concat([Buffer.from(csv), Buffer.from("C99999,Male,0,Yes,1,One year,20.00,2023-01-01,Zürich\0,No\n")]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from("IHDR")]);
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c]);
    for (const [name, bytes, message] of [
      ["nul.csv", withNul, /this is not a CSV text file: it contains a NUL byte \(line 3002\)/],
      ["png.csv", png, /^this is not a CSV text file: it starts like a PNG image/],
      ["gzip.csv", gzip, /^this is not a CSV text file: it starts like gzip-compressed data/],
    ] as const) {
      const res = await uploadRoute(streamed(`${BASE}/uploads?fileName=${name}&encoding=auto`, bytes));
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { message: string }).message, name).toMatch(message);
    }
    // Nothing was kept: no dataset is named after the refused files.
    const list = (await (await listRoute()).json()) as { datasets: { name: string }[] };
    for (const name of ["nul", "png", "gzip"]) expect(list.datasets.map((d) => d.name)).not.toContain(name);
  });

  it("refuses a 10 MB single-line field with a 400 naming file, line and column", async () => {
    const line = `customerID,Churn,Notes\nC1,No,${"x".repeat(10 << 20)}\n`;
    const res = await uploadRoute(streamed(`${BASE}/uploads?fileName=long-line.csv&encoding=utf-8`, line));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^long-line\.csv line 2: column "Notes": field 3 is longer than 1048576 bytes \(CHURNOPS_MAX_FIELD_BYTES\)/);
  });
});
