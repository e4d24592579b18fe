import { getPool } from "../db/client.ts";
import { runEmbeddedDaemon, stopEmbeddedDaemon } from "../db/embedded-daemon.ts";
import { migrateDatabase } from "../db/prepare-database.ts";
import { getEnv, pgliteDir } from "../env.ts";
import { AppError } from "../errors.ts";
import { out, type Command } from "./command.ts";

/** churnops db migrate | stop (end the embedded daemon now) | daemon (what the CLI starts by itself). */
export const dbCommand: Command = {
  options: {},
  async run([sub]) {
    if (sub === "daemon") {
      if (getEnv().DATABASE_URL) throw new AppError("INVALID_INPUT", "db daemon serves the embedded database, and DATABASE_URL is set: there is nothing to serve.");
      await runEmbeddedDaemon(pgliteDir(), getEnv().CHURNOPS_DAEMON_IDLE_MIN * 60_000, getEnv().CHURNOPS_EMBEDDED_SLOW_MS);
      return 0;
    }
    if (sub === "stop") {
      const stopped = await stopEmbeddedDaemon(pgliteDir());
      out(stopped ? `stopped the embedded database daemon (pid ${stopped.pid})` : "no embedded database daemon is running");
      return 0;
    }
    if (sub !== "migrate") throw new AppError("INVALID_INPUT", "usage: churnops db migrate | db stop | db daemon");
    const result = await migrateDatabase();
    const { engine } = await getPool();
    out(`${engine}: applied ${result.applied.length} migration(s)${result.applied.length ? `: ${result.applied.join(", ")}` : ""}; ${result.alreadyApplied} already applied`);
    return 0;
  },
};
