import { parseArgs } from "node:util";
import { closeDb } from "../db/client.ts";
import { stopOwnedEmbeddedServer } from "../db/database-url.ts";
import { errorMessage } from "../errors.ts";
import { commands } from "./commands.ts";

export const USAGE = `churnops — churn-prediction MLOps platform

Usage:
  churnops db migrate                         apply pending migrations
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
  churnops watch [--once] [--interval S] [--json]
                                              hash CHURNOPS_WATCH_DIR + stored datasets; changed CSVs become versions
  churnops pipelines [--json]                 list pipelines, params and schedules
  churnops serve [--host H] [--port P] [--seed]
                                              start the dashboard (owns the embedded database)
  churnops worker [--host H] [--port P]       serve the pipelines as Inngest functions (production workers)
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stdout.write(USAGE);
    return name && !["help", "--help", "-h"].includes(name) ? 64 : 0;
  }
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
