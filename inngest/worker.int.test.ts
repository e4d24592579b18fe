import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadedRows } from "../tests/helpers/loaded-rows.ts";
import { query } from "../lib/db/sql.ts";
import { pipelineRequestedEvent } from "../lib/events/event-catalog.ts";
import { elearningSample } from "../lib/pipelines/elearning-sample.ts";
import { createRun } from "../lib/pipelines/run-store.ts";
import { getRunDetail } from "../lib/pipelines/run-queries.ts";
import { elearningSampleParams } from "../lib/sources/elearning/elearning-params.ts";
import { generateElearning } from "../lib/sources/elearning/generate-elearning.ts";

// `churnops worker` as a real process, driven the way the Inngest server drives an SDK URL: POST the event with the
// step state so far, collect the ops it answers with (206), repeat until the function returns (200).

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGTERM")));

function startWorker(env: Record<string, string>, args: string[] = ["--port", "0"]) {
  const child = spawn(process.execPath, ["bin/churnops.mjs", "worker", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), CHURNOPS_HOME: inject("churnopsHome"), INNGEST_DEV: "", INNGEST_SIGNING_KEY: "", INNGEST_BASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
  return { child, url, output: () => out };
}

type Op = { op: string; id: string; data?: unknown; error?: unknown };

/**
 * Inngest's event API as far as a worker uses it: POST /e/<key> with a JSON array of events, answered with their ids.
 * A step's sendEvent goes here (in production, to the Inngest server), so the test sees what the run announced.
 */
async function startEventApi() {
  const received: { name: string; data: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const events = [JSON.parse(body || "[]")].flat() as { name: string; data: Record<string, unknown> }[];
      received.push(...events);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((_, i) => `evt-${received.length + i}`), status: 200 }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => server.close() };
}

/** Plays the Inngest executor against a served function until it completes; returns the final body and step ids run. */
async function drive(url: string, fnId: string, event: { name: string; data: object }) {
  const steps: Record<string, unknown> = {};
  const ran: string[] = [];
  for (let round = 0; round < 100; round++) {
    const res = await fetch(`${url}?fnId=${fnId}&stepId=step`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event, events: [event], steps, ctx: { run_id: "01TESTRUN", attempt: 0, stack: { stack: Object.keys(steps), current: Object.keys(steps).length } }, version: 1 }),
    });
    const body = await res.json();
    if (res.status === 200) return { body, ran };
    expect(res.status).toBe(206);
    for (const op of body as Op[]) {
      if (op.op === "StepError" || op.op === "StepFailed") throw new Error(`step ${op.id} failed: ${JSON.stringify(op.error)}`);
      steps[op.id] = { type: "data", data: op.data ?? null };
      ran.push((op as { displayName?: string }).displayName ?? op.id);
    }
  }
  throw new Error("the function did not complete in 100 rounds");
}

describe("churnops worker", () => {
  it("executes a run sent through the Inngest handler in its own process", async () => {
    const events = await startEventApi();
    const worker = startWorker({ INNGEST_DEV: "1", INNGEST_BASE_URL: events.url });
    const url = await worker.url;
    expect(await (await fetch(url.replace("/api/inngest", "/health"))).json()).toMatchObject({ ok: true });
    const params = elearningSampleParams.parse({ users: 60, days: 35, seed: 5 });
    const key = `raw.elearning:${crypto.randomUUID()}`; // its own key: a run another file left active cannot block it
    const runId = await createRun({ pipelineId: "elearning-sample", params, trigger: "manual", executor: "inngest", concurrencyKey: key, steps: elearningSample.steps });
    const { body, ran } = await drive(url, "churnops-pipeline-elearning-sample", { name: pipelineRequestedEvent("elearning-sample").name, data: { runId, params, concurrencyKey: key } });
    expect(body).toMatchObject({ runId });
    expect(ran.filter((id) => !id.startsWith("churnops-emit"))).toEqual(["churnops-start-run", "generate-csvs", "load-raw-tables", "validate-raw", "build-staging", "release-working-tables", "churnops-finish-run"]);
    // The staging build announced its new data through step.sendEvent, to the event API.
    expect(events.received).toMatchObject([{ name: "churnops/data.changed", data: { source: "elearning", runId, path: "staging/elearning" } }]);
    events.close();
    const run = await getRunDetail(runId);
    expect(run).toMatchObject({ status: "succeeded", executor: "inngest" });
    // The steps ran in the worker process, not in this one.
    expect(run?.workerPid ?? null).toBeNull();
    const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${await loadedRows("staging.elearning_events", runId)}`);
    expect(Number(n)).toBe(generateElearning(params).stats.events);
  });

  it("refuses to serve unsigned requests beyond loopback, and needs a signing key outside dev mode", async () => {
    const open = startWorker({ INNGEST_DEV: "1" }, ["--host", "0.0.0.0", "--port", "0"]);
    await expect(open.url).rejects.toThrow(/INNGEST_DEV turns off Inngest's request signatures, but this server listens on 0.0.0.0/);
    const keyless = startWorker({});
    await expect(keyless.url).rejects.toThrow(/needs INNGEST_SIGNING_KEY/);
  });

  it("with a signing key, an unsigned call is refused and runs nothing", async () => {
    const worker = startWorker({ INNGEST_SIGNING_KEY: "signkey-prod-" + "ab".repeat(32) });
    const url = await worker.url;
    const before = await query<{ n: string }>("SELECT count(*) AS n FROM ops.pipeline_runs");
    const res = await fetch(`${url}?fnId=churnops-pipeline-elearning-sample&stepId=step`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: { name: "churnops/elearning-sample.requested", data: {} }, events: [], steps: {}, ctx: { run_id: "x", attempt: 0 }, version: 1 }),
    });
    expect(res.status).toBe(401);
    const after = await query<{ n: string }>("SELECT count(*) AS n FROM ops.pipeline_runs");
    expect(after[0].n).toBe(before[0].n);
    worker.child.kill("SIGTERM");
    await once(worker.child, "exit");
  });
});
