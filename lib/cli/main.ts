import { parseArgs } from "node:util";
import { closeDb } from "../db/client.ts";
import { stopOwnedEmbeddedServer, useEmbeddedDaemon } from "../db/database-url.ts";
import { errorMessage } from "../errors.ts";
import type { Command } from "./command.ts";

export const USAGE = `churnops — churn-prediction MLOps platform

Usage:
  churnops db migrate                         apply pending migrations
  churnops db stop                            stop the embedded database daemon now (it also exits when idle)
  churnops run <pipeline> [--param k=v ...] [--json]
                                              run a pipeline and wait for it (exit 0 ok, 1 failed, 2 data gate)
  churnops runs [--limit N] [--json]          list recent runs
  churnops cancel <run-id>                    cancel a queued or running run
  churnops ingest elearning --users F --events F [--encoding E] [--json]
                                              load your own e-learning users.csv + events.csv
  churnops ingest wallet --dir D [--encoding E] [--json]
                                              load a marketplace-wallet export folder (EVALUATE, ACTIVE_USER, DEMOGRAFICOS,
                                              DINERO_CUENTA, MARKETPLACE_DATA, optional PAYMENTS .csv; names in any case)
  churnops ingest table --file F --target COL --id COL [--descriptions F] [--name N] [--encoding E]
                        [--types col=numeric,col2=ignore,...] [--positive VALUE] [--json]
                                              load any churn CSV: infer, confirm types, load, validate, stage
  churnops score [--dataset elearning|wallet|D] [--file F] [--json]
                                              score with the champion: the latest load, or a new CSV F of uploaded dataset D
                                              (exit 0 ok, 1 failed)
  churnops watch [--once] [--interval S] [--json]
                                              hash CHURNOPS_WATCH_DIR + stored datasets; changed CSVs become versions
  churnops pipelines [--json]                 list pipelines, params and schedules
  churnops models [--json]                    registered models: champion, challenger, primary metric, last trained
  churnops promote <model> <version> [--reason TEXT] [--json]
                                              make a version the champion (audited as cli:<user>)
  churnops rollback <model> [--reason TEXT] [--json]
                                              put the previous champion back (audited)
  churnops serve [--host H] [--port P] [--seed]
                                              start the dashboard (owns the embedded database)
  churnops worker [--host H] [--port P]       serve the pipelines as Inngest functions (production workers)
`;

// Commands that answer quickly load only their own module; the rest loads every pipeline, storage and Inngest
// (seconds of imports on a busy machine).
const lightCommands: Record<string, () => Promise<Command>> = {
  runs: async () => (await import("./runs-command.ts")).runsCommand,
  db: async () => (await import("./db-command.ts")).dbCommand,
  models: async () => (await import("./models-command.ts")).modelsCommand,
  promote: async () => (await import("./models-command.ts")).promoteCommand,
  rollback: async () => (await import("./models-command.ts")).rollbackCommand,
};

async function loadCommand(name: string | undefined): Promise<Command | undefined> {
  if (!name) return undefined;
  if (lightCommands[name]) return lightCommands[name]();
  const { commands } = await import("./commands.ts");
  return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

export interface MainOptions {
  /** Path of bin/churnops.mjs: set when running as the CLI, which may then start the embedded database daemon. */
  bin?: string;
}

export async function main(argv: string[], opts: MainOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  const command = await loadCommand(name);
  if (!command) {
    process.stdout.write(USAGE);
    return name && !["help", "--help", "-h"].includes(name) ? 64 : 0;
  }
  // A command that finds the embedded folder unserved starts the idle-exiting daemon, so the next commands find it
  // open; a quick one answers from the folder itself first and starts the daemon as it exits. serve owns the folder
  // in its own process (or shares a running daemon).
  if (!command.keepsRunning && opts.bin) useEmbeddedDaemon([process.execPath, opts.bin, "db", "daemon"], { quick: command.quick });
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(positionals, values as Record<string, unknown>);
  } catch (e) {
    process.stderr.write(`churnops ${name}: ${errorMessage(e)}\n`);
    if (process.env.CHURNOPS_DEBUG) console.error(e);
    return 1;
  } finally {
    if (!command.keepsRunning) {
      await closeDb();
      await stopOwnedEmbeddedServer();
    }
  }
}
