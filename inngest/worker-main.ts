// Entry point of `churnops worker [--host H] [--port P]` (bin/churnops.mjs routes here: lib/ never imports inngest/).
import { parseArgs } from "node:util";
import { closeDb } from "../lib/db/client.ts";
import { stopOwnedEmbeddedServer } from "../lib/db/database-url.ts";
import { ensureSchemaReady } from "../lib/db/prepare-database.ts";
import { getEnv } from "../lib/env.ts";
import { errorMessage } from "../lib/errors.ts";
import { startAppBackground, stopAppBackground } from "../lib/pipelines/app-background.ts";
import { assertWorkerMayServe, startWorker } from "./worker.ts";

export const WORKER_USAGE = "usage: churnops worker [--host H] [--port P]   (env: INNGEST_SIGNING_KEY, or INNGEST_DEV=1 on loopback)";

export async function workerMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { host: { type: "string" }, port: { type: "string" } }, strict: true });
  const host = values.host ?? getEnv().CHURNOPS_WORKER_HOST;
  const port = values.port === undefined ? getEnv().CHURNOPS_WORKER_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number. ${WORKER_USAGE}`);
  assertWorkerMayServe(host); // before touching the database: a misconfigured worker fails at once
  await ensureSchemaReady();
  // The sweeper and the outbox dispatcher; cron schedules are the Inngest server's job.
  await startAppBackground({ schedules: false });
  const worker = await startWorker({ host, port });
  console.log(`churnops worker: serving ${worker.url} (Inngest functions; point the Inngest server's SDK URL here)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  stopAppBackground();
  await worker.close();
  return 0;
}

try {
  process.exitCode = await workerMain(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`churnops worker: ${errorMessage(e)}\n`);
  process.exitCode = 1;
} finally {
  await closeDb();
  await stopOwnedEmbeddedServer();
}
