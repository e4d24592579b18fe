import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "../db/client.ts";
import { BACKGROUND_APP_PREFIX } from "../db/pglite-socket-queue-fix.ts";
import { stopOwnedEmbeddedServer } from "../db/database-url.ts";
import { ensureSchemaReady, migrateDatabase } from "../db/prepare-database.ts";
import { latestSnapshotRun } from "../lineage/latest-snapshot-run.ts";
import { getEnv, isLoopbackHost } from "../env.ts";
import { AppError } from "../errors.ts";
import { inngestEndpointPolicy } from "../security/inngest-endpoint-policy.ts";
import { recoverStaleRuns } from "../pipelines/recover-stale-runs.ts";
import { pipelines } from "../pipelines/catalog.ts";
import { cancelRun, startRun } from "../pipelines/start-run.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { uploadArtifactKey, uploadArtifactPrefix } from "../storage/run-artifact-key.ts";
import { csvArtifactFileName } from "../sources/tabular/tabular-names.ts";
import { exitCodeOf, followRun, printRun } from "./follow-run.ts";
import { INGEST_TABLE_OPTIONS, ingestTableCommand } from "../sources/tabular/ingest-table-cli.ts";
import { WATCH_OPTIONS, watchCommand } from "../watchdog/watch-cli.ts";
import { findWalletFiles, storeWalletDir } from "../sources/wallet/load-wallet.ts";
import { nextRunOf } from "../pipelines/schedules.ts";
import { out, type Command } from "./command.ts";
import { dbCommand } from "./db-command.ts";
import { modelsCommand, promoteCommand, rollbackCommand } from "./models-command.ts";
import { runsCommand } from "./runs-command.ts";

export type { Command };

async function ready(): Promise<void> {
  await ensureSchemaReady();
  await recoverStaleRuns();
}

function parseParamFlags(flags: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  for (const kv of (flags as string[] | undefined) ?? []) {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new AppError("INVALID_INPUT", `--param expects key=value, got "${kv}"`);
    params[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return params;
}



/** Starts a run, executes it here (local) or waits for Inngest, with a progress bar; returns the exit code. */
async function runAndWait(pipelineId: string, params: unknown, json: boolean): Promise<number> {
  // The run executes in this process: its connections (opened from here on) yield to the dashboard's pages on the
  // embedded engine, like a local worker's (spawn-local-worker.ts).
  process.env.PGAPPNAME ??= `${BACKGROUND_APP_PREFIX} cli`;
  await ready();
  const { runId, executor } = await startRun(pipelineId, params, "cli", "inline");
  const run = await followRun(runId, executor, json);
  printRun(run, json);
  return exitCodeOf(run);
}

async function storeUpload(file: string, key: string): Promise<string> {
  // (the CSV's encoding travels as a pipeline param; the bytes are stored as they are)
  if (!fs.existsSync(file)) throw new AppError("INVALID_INPUT", `file not found: ${file}`);
  await putArtifact(key, fs.createReadStream(file), { kind: "upload", contentType: "text/csv" });
  return key;
}

export const commands: Record<string, Command> = {
  db: dbCommand,
  run: {
    options: { param: { type: "string", multiple: true, short: "p" }, json: { type: "boolean" } },
    async run([pipelineId], values) {
      if (!pipelineId) throw new AppError("INVALID_INPUT", "usage: churnops run <pipeline> [--param k=v ...] [--json]");
      return runAndWait(pipelineId, parseParamFlags(values.param), Boolean(values.json));
    },
  },
  runs: runsCommand,
  models: modelsCommand,
  promote: promoteCommand,
  rollback: rollbackCommand,
  cancel: {
    options: {},
    async run([runId]) {
      if (!runId) throw new AppError("INVALID_INPUT", "usage: churnops cancel <run-id>");
      await ready();
      const { status } = await cancelRun(runId);
      out(`run ${runId}: ${status === "cancelled" ? "cancelled" : "cancel requested"}`);
      return 0;
    },
  },
  ingest: {
    options: { users: { type: "string" }, events: { type: "string" }, dir: { type: "string" }, ...INGEST_TABLE_OPTIONS },
    async run([source], values) {
      if (source === "table") return ingestTableCommand(values);
      if (source === "wallet") {
        if (!values.dir) throw new AppError("INVALID_INPUT", "usage: churnops ingest wallet --dir D [--encoding E] [--json]");
        findWalletFiles(String(values.dir)); // fail fast, naming any missing file, before touching the database
        await ready();
        const keys = await storeWalletDir(String(values.dir), uploadArtifactPrefix("wallet", randomUUID()));
        return runAndWait("wallet-ingest", { ...keys, ...(values.encoding ? { encoding: values.encoding } : {}) }, Boolean(values.json));
      }
      if (source !== "elearning" || !values.users || !values.events) {
        throw new AppError("INVALID_INPUT", "usage: churnops ingest elearning --users F --events F | ingest wallet --dir D | ingest table --file F --target COL --id COL");
      }
      await ready();
      const uploadId = randomUUID();
      const usersKey = await storeUpload(String(values.users), uploadArtifactKey("elearning", uploadId, "users.csv"));
      const eventsKey = await storeUpload(String(values.events), uploadArtifactKey("elearning", uploadId, "events.csv"));
      return runAndWait("elearning-ingest", { usersKey, eventsKey, ...(values.encoding ? { encoding: values.encoding } : {}) }, Boolean(values.json));
    },
  },
  score: {
    options: { dataset: { type: "string" }, file: { type: "string" }, json: { type: "boolean" } },
    async run(_args, values) {
      // elearning / wallet score their latest load; any other name is an uploaded table's slug.
      const dataset = values.dataset ? String(values.dataset) : undefined;
      if (dataset === "elearning" || dataset === "wallet") {
        if (values.file) throw new AppError("INVALID_INPUT", `--file scores a new CSV of an uploaded table; ${dataset} scores its latest load (churnops score --dataset ${dataset}).`);
        return runAndWait(`score-${dataset}`, {}, Boolean(values.json));
      }
      if (!values.file) return runAndWait("score-table", dataset ? { dataset } : {}, Boolean(values.json));
      if (!dataset) throw new AppError("INVALID_INPUT", "usage: churnops score --dataset D --file F [--json] (D: the uploaded dataset whose columns the file has)");
      await ready();
      const fileKey = await storeUpload(String(values.file), uploadArtifactKey("scoring", randomUUID(), csvArtifactFileName(path.basename(String(values.file)))));
      return runAndWait("score-table", { dataset, fileKey }, Boolean(values.json));
    },
  },
  watch: {
    options: WATCH_OPTIONS,
    run: (_p, values) => watchCommand(values),
  },
  pipelines: {
    options: { json: { type: "boolean" } },
    async run(_p, values) {
      const list = pipelines.map((p) => ({ id: p.id, title: p.title, schedule: p.schedule ?? null, nextRun: p.schedule ? nextRunOf(p.schedule)?.toISOString() ?? null : null, steps: p.steps.map((s) => s.id) }));
      if (values.json) return out(JSON.stringify(list, null, 2)), 0;
      for (const p of list) out(`${p.id.padEnd(18)} ${p.title}${p.schedule ? `  [cron ${p.schedule}, next ${p.nextRun}]` : ""}`);
      return 0;
    },
  },
  serve: {
    options: { host: { type: "string" }, port: { type: "string" }, seed: { type: "boolean" } },
    keepsRunning: true,
    async run(_p, values) {
      const env = getEnv();
      const host = String(values.host ?? env.HOST);
      const port = String(values.port ?? env.PORT);
      if (!isLoopbackHost(host) && !env.CHURNOPS_ADMIN_TOKEN) {
        throw new AppError("INVALID_INPUT", `refusing to listen on ${host} without CHURNOPS_ADMIN_TOKEN: anyone on the network could start and cancel runs. To fix: set CHURNOPS_ADMIN_TOKEN or bind to 127.0.0.1.`);
      }
      inngestEndpointPolicy({ env, boundHost: host }); // an unsafe Inngest configuration stops the start, with the reason
      if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) throw new AppError("INVALID_INPUT", "no production build found. To fix: run `npm run build` (or `npm run demo`).");
      const db = await getDb();
      const migrated = await migrateDatabase();
      if (migrated.applied.length) out(`applied migrations: ${migrated.applied.join(", ")}`);
      await recoverStaleRuns();
      if (values.seed) {
        // raw.* is emptied after each load (its snapshot keeps the rows): "loaded" means a load left a snapshot.
        if ((await latestSnapshotRun("staging.elearning_events")) === null) {
          out("loading the sample e-learning data (first start)…");
          const code = await runAndWait("elearning-sample", {}, false);
          if (code !== 0) return code;
        }
      }
      // Next's production server behind the page micro-cache (lib/web/next-server.ts), in its own process.
      const child = spawn(process.execPath, ["--import", path.resolve("bin/register-hooks.mjs"), path.resolve("lib/web/next-server.ts"), "--host", host, "--port", port], {
        stdio: "inherit",
        // PGAPPNAME: the seed run above named this process's connections as a run's; the dashboard's must not be.
        env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", CHURNOPS_BOUND_HOST: host, PGAPPNAME: process.env.PGAPPNAME?.startsWith(BACKGROUND_APP_PREFIX) ? "churnops-web" : process.env.PGAPPNAME },
      });
      out(`churnops dashboard: http://${host.includes(":") ? `[${host}]` : host}:${port}  (database: ${db.engine})`);
      // `on`, not `once`: Ctrl-C reaches us twice (from the terminal's process group and forwarded by the demo
      // script), and a second signal with no listener would kill us before the database is closed.
      const stop = () => child.kill("SIGTERM");
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
      // This process owns the embedded database: release it (and the port) once the dashboard is gone.
      await closeDb();
      await stopOwnedEmbeddedServer();
      return code;
    },
  },
};
