import type { ParseArgsConfig } from "node:util";

export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  /** serve and the database daemon keep their database open until they exit */
  keepsRunning?: boolean;
  /**
   * Answers in about a second and starts no other process: on an unowned embedded folder it opens the folder
   * itself, then leaves the daemon running for the next command (lib/db/database-url.ts, useEmbeddedDaemon).
   */
  quick?: boolean;
  run(positionals: string[], values: Record<string, unknown>): Promise<number>;
}

export const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
