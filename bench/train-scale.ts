import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase } from "./bench-helpers.ts";

// `npm run bench -- train-scale`: the default e-learning sample (2,000 users) and a 10× one (20,000 users, ~4.8M
// events) from generation + ingest to a registered model (elearning-sample, then train-elearning), on real
// Postgres and on embedded, each size in a fresh database. Every pipeline runs in its own worker-like process
// (bench/train-scale-run.ts), and the embedded engine in another (bench/embedded-serve.ts), as the app and the
// local worker split them; each reports its own peak RSS (ru_maxrss). Prints the 10× total time as a ratio to the
// default's (target <= 12×), peak RSS per process (target <= 2 GiB) and the embedded data folder's size against
// the input CSVs (target <= 3×). Heavy: ~10 minutes or more on two cores.
const ROOT = path.resolve(import.meta.dirname, "..");
const NODE_ARGS = ["--max-semi-space-size=64", "--import", path.join(ROOT, "bin/register-hooks.mjs")];
// BENCH_SCALE_USERS=20000 (a comma list) measures other sizes; the ratio needs the default first.
const SIZES = (process.env.BENCH_SCALE_USERS ?? "2000,20000").split(",").map(Number);
const GiB = 1024 ** 3;

interface RunResult {
  users: number;
  events: number;
  csvBytes: number;
  loadS: number;
  trainS: number;
  loadSteps: Record<string, number>;
  trainSteps: Record<string, number>;
  trainingSet: { train: { rows: number }; validation: { rows: number }; test: { rows: number }; designColumns: number } | null;
  registered: unknown;
  rssAfterLoadKb: number;
  maxRssKb: number;
}

interface Measured extends RunResult {
  serverRssKb?: number;
  postgresMaxRssKb?: number;
  dataFolderBytes?: number;
  /** largest size of the data folder seen while the pipelines ran (sampled every 10 s) */
  dataFolderPeakBytes?: number;
}

function node(script: string, args: string[]) {
  return spawn(process.execPath, [...NODE_ARGS, path.join(ROOT, script), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
}

/** Largest VmRSS of any `postgres` process right now (the server is shared with other work: an upper bound). */
function postgresRssKb(): number {
  let max = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^Name:\s+postgres$/m.test(status)) continue;
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      max = Math.max(max, kb);
    } catch {
      // the process ended while we read it
    }
  }
  return max;
}

// du exits 1 when a file it listed is gone before it reads it (a WAL segment recycled by a checkpoint while the
// sampler runs) and still prints the total of the rest: that total is the sample.
function folderBytes(dir: string): number {
  const r = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  const bytes = Number(r.stdout.split("\t")[0]);
  if (!Number.isFinite(bytes) || !r.stdout) throw new Error(`du -sb ${dir} failed: ${r.stderr}`);
  return bytes;
}

async function runPipelines(url: string, users: number, home: string, samplePostgres: boolean, dataDir?: string): Promise<Measured> {
  const child = node("bench/train-scale-run.ts", [url, String(users), home]);
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  let postgresMaxRssKb = 0;
  let dataFolderPeakBytes = 0;
  const sampler = samplePostgres ? setInterval(() => (postgresMaxRssKb = Math.max(postgresMaxRssKb, postgresRssKb())), 1000) : undefined;
  const folderSampler = dataDir ? setInterval(() => (dataFolderPeakBytes = Math.max(dataFolderPeakBytes, folderBytes(dataDir))), 10_000) : undefined;
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  clearInterval(folderSampler);
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (code !== 0 || !line) throw new Error(`train-scale run (${users} users) exited ${code}: ${out.slice(-2000)}`);
  const result = JSON.parse(line.slice(7)) as RunResult;
  return { ...result, ...(samplePostgres ? { postgresMaxRssKb } : {}), ...(dataDir ? { dataFolderPeakBytes } : {}) };
}

async function measure(engine: "postgres" | "embedded", users: number): Promise<Measured> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-scale-"));
  try {
    if (engine === "postgres") {
      const db = await freshDatabase(`scale${users}`);
      try {
        return await runPipelines(db.url, users, home, true);
      } finally {
        await db.drop();
      }
    }
    const dataDir = path.join(home, "pglite");
    const server = node("bench/embedded-serve.ts", [dataDir]);
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /^URL (.+)$/m.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on("exit", (code) => reject(new Error(`embedded server exited ${code}`)));
    });
    let result: Measured;
    try {
      result = await runPipelines(url, users, home, false, dataDir);
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.on("exit", resolve));
    }
    const serverRssKb = Number(/^RSS (\d+)$/m.exec(out)?.[1] ?? NaN);
    const dataFolderBytes = folderBytes(dataDir);
    return { ...result, serverRssKb, dataFolderBytes, dataFolderPeakBytes: Math.max(result.dataFolderPeakBytes ?? 0, dataFolderBytes) };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const s = (x: number) => `${x.toFixed(1)} s`;
const steps = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");

function describe(engine: string, r: Measured): void {
  const t = r.trainingSet;
  console.log(`${engine.padEnd(9)} ${r.users} users, ${r.events} events (${(r.csvBytes / 1e6).toFixed(0)} MB CSV): total ${s(r.loadS + r.trainS)} = load ${s(r.loadS)} + train ${s(r.trainS)}`);
  console.log(`${"".padEnd(9)}   load steps: ${steps(r.loadSteps)}`);
  if (t) console.log(`${"".padEnd(9)}   train steps: ${steps(r.trainSteps)}  (${t.train.rows} train / ${t.validation.rows} validation / ${t.test.rows} test rows × ${t.designColumns} columns)`);
  else console.log(`${"".padEnd(9)}   (BENCH_SCALE_LOAD_ONLY: no training)`);
  const rss = [`worker ${mb(r.maxRssKb)} (after load ${mb(r.rssAfterLoadKb)})`];
  if (r.serverRssKb !== undefined) rss.push(`embedded server ${mb(r.serverRssKb)}`);
  if (r.postgresMaxRssKb) rss.push(`largest postgres process ${mb(r.postgresMaxRssKb)} (shared buffers counted)`);
  console.log(`${"".padEnd(9)}   peak RSS: ${rss.join(", ")}`);
  if (r.dataFolderBytes !== undefined) {
    const peak = r.dataFolderPeakBytes ?? r.dataFolderBytes;
    console.log(`${"".padEnd(9)}   data folder ${(r.dataFolderBytes / 1e6).toFixed(0)} MB = ${(r.dataFolderBytes / r.csvBytes).toFixed(2)}× the input CSVs at the end (target <= 3×); largest while running ${(peak / 1e6).toFixed(0)} MB = ${(peak / r.csvBytes).toFixed(2)}×`);
  }
  console.log(`${"".padEnd(9)}   registered: ${JSON.stringify(r.registered)}`);
}

export async function benchTrainScale(): Promise<void> {
  const engines = (["postgres", "embedded"] as const).filter((e) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES === e);
  for (const engine of engines) {
    const results: Measured[] = [];
    for (const users of SIZES) {
      const r = await measure(engine, users);
      describe(engine, r);
      results.push(r);
    }
    if (results.length < 2) continue;
    const [d, x] = results as [Measured, Measured];
    const ratio = (x.loadS + x.trainS) / (d.loadS + d.trainS);
    const peaks = [x.maxRssKb, x.serverRssKb ?? 0].map((kb) => kb * 1024);
    const worst = Math.max(...peaks);
    console.log(`${engine.padEnd(9)} → 10× total ${ratio.toFixed(1)}× the default's (target <= 12×; load ${(x.loadS / d.loadS).toFixed(1)}×, train ${(x.trainS / d.trainS).toFixed(1)}×), largest churnops process ${(worst / GiB).toFixed(2)} GiB (target <= 2 GiB)`);
  }
}
